using Valhalla.Host.Validation;

namespace Valhalla.Host.Tests.Validation;

/// <summary>The rules for contested claims, as tables: no files, no host.</summary>
public sealed class ClaimResolverTests
{
    public static TheoryData<string> Rules => [.. Table.Keys];

    private static readonly Dictionary<string, (Claim[] Claims, string[] Refused)> Table = new()
    {
        ["the folder that was serving keeps its code over a copy that sorts first"] = (
            [Pack("z-real", "X-A", served: ServedRank.Folder), Pack("a-copy", "X-A")],
            ["a-copy"]),
        ["on a first start the first folder by ordinal name keeps it"] = (
            [Pack("b", "X-A"), Pack("a", "X-A"), Pack("B", "X-A")],
            ["a", "b"]),
        ["a valid folder beats an invalid one that sorts first"] = (
            [Pack("a-broken", "X-A", valid: false), Pack("b-good", "X-A")],
            ["a-broken"]),
        ["an invalid folder that was not serving holds nothing"] = (
            [Pack("a-broken", "X-A", valid: false), Pack("b-broken", "X-A", valid: false)],
            []),
        ["an invalid folder that is serving still holds what it serves"] = (
            [Pack("a-new", "X-A"), Pack("b-serving", "X-A", valid: false, served: ServedRank.Folder)],
            ["a-new"]),
        ["a moved folder keeps its prefix over a newcomer"] = (
            [Pack("a-new", "X-NEW", prefix: "/core/budget"), Pack("z-moved", "X-A", prefix: "/core/budget", served: ServedRank.Code)],
            ["a-new"]),
        ["overlapping prefixes clash, neighbours do not"] = (
            [Pack("a", "X-A", prefix: "/core/budget"), Pack("b", "X-B", prefix: "/core/budget/extra"), Pack("c", "X-C", prefix: "/core/budgets")],
            ["b"]),
        ["a side file clashes with its database"] = (
            [Pack("a", "X-A", file: "/d/t/t.db"), Pack("b", "X-B", file: "/d/t/t.db-wal")],
            ["b"]),
        ["a loser holds nothing, so a third folder clashing only with it is fine"] = (
            [Pack("a", "X-A", prefix: "/one"), Pack("b", "X-A", prefix: "/two"), Pack("c", "X-C", prefix: "/two")],
            ["b"]),
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Contested_claims_refuse_only_the_folders_that_lose_them(string rule)
    {
        var (claims, refused) = Table[rule];

        var lost = ClaimResolver.Resolve(claims, StringComparison.Ordinal);

        Assert.True(refused.Order(StringComparer.Ordinal).SequenceEqual(lost.Keys.Order(StringComparer.Ordinal)), $"{rule}: refused {string.Join(", ", lost.Keys)}");
    }

    private static Claim Pack(string folder, string code, bool valid = true, ServedRank served = ServedRank.None, string? prefix = null, string? file = null) =>
        new(folder, code, prefix ?? "/" + folder.ToLowerInvariant() + "-" + code.ToLowerInvariant(),
            file is null ? [] : [(Path.GetFileName(file), file)], valid, served);
}
