using System.Net;
using System.Text.Json.Nodes;
using Valhalla.Contracts.Catalog;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Hosting;

public sealed class LoadOrderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string DataRoot => _temp.Combine("data");

    private string DropFolder => _temp.Combine("data", "packs");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_pack_whose_required_pack_failed_to_start_is_skipped_with_the_reason()
    {
        DropThrowingPack();
        BuiltPacks.Drop(DropFolder, BuiltPacks.Fixtures, "dependent", m => m["requires"] = new JsonArray("X-THROW-1"));

        await using var host = await RunningHost.StartAsync(DataRoot, DropFolder);

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
        BuiltPacks.Drop(DropFolder, BuiltPacks.Fixtures, "duplicate", m =>
        {
            m["router_symbol"] = "Valhalla.Fixtures.Packs.DuplicateRoutesPack";
            m["data_paths"] = new JsonArray();
        });

        await using var host = await RunningHost.StartAsync(DataRoot, DropFolder);

        var pack = Assert.Single(host.Report.Packs);
        Assert.Equal(PackStatus.Failed, pack.Status);
        var reason = Assert.Single(pack.Errors);
        Assert.Equal("pack_routes_failed", reason.Code);
        Assert.Contains("GET /fixtures/good/same", reason.Detail);
    }

    private void DropThrowingPack() =>
        BuiltPacks.Drop(DropFolder, BuiltPacks.Fixtures, "throwing", m =>
        {
            m["code"] = "X-THROW-1";
            m["router_symbol"] = "Valhalla.Fixtures.Packs.ThrowingPack";
            m["route_prefix"] = "/fixtures/throwing";
            m["data_paths"] = new JsonArray();
        });
}
