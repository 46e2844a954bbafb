using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Contracts.Catalog;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Hostile;

/// <summary>A pack that maps routes outside its prefix is stopped before anything of it is mounted.</summary>
public sealed class RouteScopeTests : IDisposable
{
    private readonly HostFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task A_pack_mapping_over_health_and_another_packs_route_fails_and_both_keep_answering()
    {
        _folders.Drop(BuiltPacks.Budget);
        _folders.Drop(BuiltPacks.Hostile, "outside", FixtureManifests.Hostile("X-OUTSIDE-1", "OutsidePrefixPack", "outside"));

        await using var host = await _folders.StartAsync();

        var culprit = host.Report.Packs.Single(p => p.Code == "X-OUTSIDE-1");
        Assert.Equal(PackStatus.Failed, culprit.Status);
        var error = Assert.Single(culprit.Errors);
        Assert.Equal("route_outside_prefix", error.Code);
        Assert.Contains("GET /health", error.Detail);
        Assert.Contains("GET /core/budget/buckets", error.Detail);
        Assert.Equal(PackStatus.Loaded, host.Report.Packs.Single(p => p.Code == "P-BUDGET-1").Status);

        var health = await host.Client.GetFromJsonAsync<JsonObject>("health");
        Assert.Equal("degraded", (string?)health!["status"]);
        Assert.NotNull(await host.Client.GetFromJsonAsync<JsonArray>("core/budget/buckets"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("hostile/outside/ping")).StatusCode);
    }
}
