using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Discovery;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Tests.Validation;

public sealed class ServingPackTests
{
    private static readonly PackManifest Manifest = new()
    {
        Code = "X-A",
        Name = "A",
        Version = "1.0.0",
        Module = "A",
        RouterSymbol = "A.Pack",
        RoutePrefix = "/core/a",
        Contracts = "1.0",
        DataPaths = ["a/a.db", "a/b.db"],
    };

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("/core/a", null, true)]
    [InlineData(null, "a/a.db a/b.db", true)]
    [InlineData("/core/a", "a/a.db a/b.db", true)]
    [InlineData("/core/b", null, false)]
    [InlineData(null, "a/b.db a/a.db", false)]
    [InlineData(null, "A/a.db a/b.db", false)]
    [InlineData("/core/a", "a/a.db", false)]
    public void A_serving_pack_claims_the_same_when_what_it_recorded_matches(string? prefix, string? dataPaths, bool same) =>
        Assert.Equal(same, new ServingPack("X-A", "a", prefix, dataPaths?.Split(' ')).ClaimsTheSame(Manifest));

    [Fact]
    public void A_pack_is_valid_unless_a_finding_is_an_error()
    {
        var pack = new DiscoveredPack("/drop/a", "a", Manifest, []);

        Assert.True(new ValidatedPack(pack, [new Finding("X-A", Severity.Warning, "w", "t", "d")]).IsValid);
        Assert.False(new ValidatedPack(pack, [new Finding("X-A", Severity.Warning, "w", "t", "d"), new Finding("X-A", Severity.Error, "e", "t", "d")]).IsValid);
        Assert.Equal("X-A", new ValidatedPack(pack, []).Code);
    }
}
