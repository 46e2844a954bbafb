using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Contracts.Catalog;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Hosting;

public sealed class FailureIsolationTests : IDisposable
{
    private readonly HostFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task A_pack_that_throws_in_setup_and_a_bad_manifest_do_not_stop_the_good_packs()
    {
        _folders.Drop(BuiltPacks.Fixtures, "good");
        _folders.Drop(BuiltPacks.Fixtures, "throwing", FixtureManifests.Throwing);
        var broken = _folders.Drop(BuiltPacks.Fixtures, "broken");
        File.WriteAllText(Path.Combine(broken, "pack.json"), "{ \"code\": \"X-BROKEN-1\", ");

        await using var host = await _folders.StartAsync();

        Assert.Equal("pong", (string?)(await host.Client.GetFromJsonAsync<JsonObject>("fixtures/good/ping"))!["answer"]);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("fixtures/throwing/anything")).StatusCode);

        var throwing = host.Report.Packs.Single(p => p.Code == "X-THROW-1");
        Assert.Equal(PackStatus.Failed, throwing.Status);
        var reason = Assert.Single(throwing.Errors);
        Assert.Equal("pack_configure_failed", reason.Code);
        Assert.Contains("ThrowingPack refuses to configure.", reason.Detail);

        var unreadable = host.Report.Packs.Single(p => p.Folder == "broken");
        Assert.Equal(PackStatus.Skipped, unreadable.Status);
        Assert.NotEmpty(unreadable.Errors);
    }

    [Fact]
    public async Task Health_reports_each_pack_status_and_degraded_when_one_failed()
    {
        _folders.Drop(BuiltPacks.Fixtures, "good");
        _folders.Drop(BuiltPacks.Fixtures, "throwing", FixtureManifests.Throwing);
        await using var host = await _folders.StartAsync();

        var health = await host.Client.GetFromJsonAsync<JsonObject>("health");

        Assert.Equal("degraded", (string?)health!["status"]);
        var packs = health["packs"]!.AsArray().ToDictionary(p => (string)p!["code"]!, p => (string?)p!["status"]);
        Assert.Equal("loaded", packs["X-FIXTURE-1"]);
        Assert.Equal("failed", packs["X-THROW-1"]);
    }

    [Fact]
    public async Task The_report_is_written_as_json_under_the_data_root()
    {
        _folders.Drop(BuiltPacks.Fixtures, "good");
        await using var host = await _folders.StartAsync();

        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(_folders.DataRoot, "reports", "validation.json")))!;

        Assert.True((bool)report["ok"]!);
        var pack = Assert.Single(report["packs"]!.AsArray())!;
        Assert.Equal("X-FIXTURE-1", (string?)pack["code"]);
        Assert.Equal("loaded", (string?)pack["status"]);
        Assert.Contains("GET /fixtures/good/ping", pack["routes"]!.AsArray().Select(r => (string?)r));
    }
}
