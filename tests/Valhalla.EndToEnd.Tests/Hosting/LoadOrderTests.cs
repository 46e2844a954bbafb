using System.Net;
using System.Text.Json.Nodes;
using Valhalla.Contracts.Catalog;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Hosting;

public sealed class LoadOrderTests : IDisposable
{
    private readonly HostFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task A_pack_whose_required_pack_failed_to_start_is_skipped_with_the_reason()
    {
        _folders.Drop(BuiltPacks.Fixtures, "throwing", FixtureManifests.Throwing);
        _folders.Drop(BuiltPacks.Fixtures, "dependent", m => m["requires"] = new JsonArray("X-THROW-1"));

        await using var host = await _folders.StartAsync();

        var dependent = host.Report.Packs.Single(p => p.Code == "X-FIXTURE-1");
        Assert.Equal(PackStatus.Skipped, dependent.Status);
        var reason = Assert.Single(dependent.Errors);
        Assert.Equal("requires_not_loaded", reason.Code);
        Assert.Contains("X-THROW-1", reason.Detail);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("fixtures/good/ping")).StatusCode);
    }

    [Fact]
    public async Task A_pack_that_maps_the_same_route_twice_fails_at_load_not_at_request_time()
    {
        _folders.Drop(BuiltPacks.Fixtures, "duplicate", m =>
        {
            m["router_symbol"] = "Valhalla.Fixtures.Packs.DuplicateRoutesPack";
            m["data_paths"] = new JsonArray();
        });

        await using var host = await _folders.StartAsync();

        var pack = Assert.Single(host.Report.Packs);
        Assert.Equal(PackStatus.Failed, pack.Status);
        var reason = Assert.Single(pack.Errors);
        Assert.Equal("pack_routes_failed", reason.Code);
        Assert.Contains("GET /fixtures/good/same", reason.Detail);
    }
}
