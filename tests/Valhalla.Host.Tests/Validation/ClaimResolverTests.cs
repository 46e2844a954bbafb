using Valhalla.Contracts.Catalog;
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

    [Fact]
    public void A_lost_claim_says_what_clashes_with_which_holder_and_why_it_keeps_it()
    {
        var holder = new Claim("a", "X-A", "/core/budget", [("budget/budget.db-wal", "/d/budget/budget.db-wal")], true, ServedRank.None);
        var loser = new Claim("b", "X-A", "/core/budget/x", [("budget/budget.db", "/d/budget/budget.db")], true, ServedRank.None);
        const string Keeps = "folder a keeps it: neither was serving, and a comes first in ordinal folder-name order; this folder is skipped";

        var lost = ClaimResolver.Resolve([loser, holder], StringComparison.Ordinal);

        Assert.Equal(["b"], lost.Keys);
        Assert.Equal(
            [
                ("X-A", FindingCodes.CodeDuplicate, "Another folder holds this pack's code.",
                    $"code 'X-A' in folder b is also used by folder a; {Keeps}. Remove one of the folders or give each pack its own code."),
                ("X-A", FindingCodes.RoutePrefixOverlap, "The route prefix overlaps another pack's.",
                    $"route_prefix '/core/budget/x' overlaps '/core/budget' of X-A; {Keeps}. Give each pack its own prefix."),
                ("X-A", FindingCodes.DataPathDuplicate, "A data path is claimed by two packs.",
                    $"data_paths 'budget/budget.db' is one of the SQLite files of X-A's 'budget/budget.db-wal' (a database comes with its -wal, -shm and -journal files); {Keeps}. "
                    + "Each pack owns its files: give this one its own path, e.g. x-a/budget.db."),
            ],
            lost["b"].Select(f => (f.Pack, f.Code, f.Title, f.Detail)));
    }

    [Fact]
    public void A_side_file_claim_is_told_to_name_its_own_database()
    {
        var holder = new Claim("a", "X-A", null, [("ledger/l.db", "/d/ledger/l.db")], true, ServedRank.None);
        var loser = new Claim("c", "X-C", null, [("other.db", "/d/other.db"), ("ledger/l.db-wal", "/d/ledger/l.db-wal")], true, ServedRank.None);

        var finding = Assert.Single(ClaimResolver.Resolve([holder, loser], StringComparison.Ordinal)["c"]);

        Assert.StartsWith("data_paths 'ledger/l.db-wal' is one of the SQLite files of X-A's 'ledger/l.db'", finding.Detail);
        Assert.EndsWith("e.g. x-c/l.db.", finding.Detail);
    }

    [Fact]
    public void Files_compare_with_the_file_systems_case_rule()
    {
        var holder = new Claim("a", "X-A", null, [("l.db", "/d/L.db")], true, ServedRank.None);
        var loser = new Claim("b", "X-B", null, [("l.db", "/d/l.db")], true, ServedRank.None);

        Assert.Empty(ClaimResolver.Resolve([holder, loser], StringComparison.Ordinal));
        Assert.Contains("is the same file as", Assert.Single(ClaimResolver.Resolve([holder, loser], StringComparison.OrdinalIgnoreCase)["b"]).Detail);
    }

    [Theory]
    [InlineData(0, true, 2, true, "it was serving")]
    [InlineData(1, true, 2, true, "it holds X-A, which was serving")]
    [InlineData(0, false, 1, true, "it was serving")]
    [InlineData(2, true, 2, false, "its files are valid and this folder's are not")]
    [InlineData(1, true, 1, true, "neither was serving, and z comes first in ordinal folder-name order")]
    public void The_holder_says_why_it_keeps_the_claim(int holderRank, bool holderValid, int loserRank, bool loserValid, string why)
    {
        var (holderServed, loserServed) = ((ServedRank)holderRank, (ServedRank)loserRank);
        var holder = new Claim("z", "X-A", null, [], holderValid, holderServed);
        var loser = new Claim(holderServed == loserServed && holderValid == loserValid ? "zz" : "a", "X-A", null, [], loserValid, loserServed);

        var finding = Assert.Single(Assert.Single(ClaimResolver.Resolve([loser, holder], StringComparison.Ordinal).Values));

        Assert.Contains($"keeps it: {why}; this folder is skipped", finding.Detail);
    }
}
