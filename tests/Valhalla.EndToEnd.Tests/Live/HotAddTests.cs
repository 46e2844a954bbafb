using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Contracts.Catalog;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Live;

public sealed class HotAddTests : LiveHostTest
{
    [Fact]
    public async Task A_pack_dropped_in_while_the_host_runs_is_mounted_listed_documented_and_healthy()
    {
        var before = await Client.GetFromJsonAsync<JsonObject>("openapi/v1.json");
        Assert.DoesNotContain("/fixtures/good/ping", before!["paths"]!.AsObject().Select(p => p.Key));

        DropGoodPack();
        await Host.WaitForLoadedAsync(Fixture);

        var pong = await Client.GetAsync("fixtures/good/ping");
        Assert.Equal(HttpStatusCode.OK, pong.StatusCode);
        Assert.Equal($"{Fixture}/1.0.0", ServedBy(pong));
        var listed = await Client.GetFromJsonAsync<JsonObject>($"core/packs/{Fixture}");
        Assert.Equal("loaded", (string?)listed!["status"]);
        var health = await Client.GetFromJsonAsync<JsonObject>("health");
        Assert.Contains(health!["packs"]!.AsArray(), p => (string?)p!["code"] == Fixture && (string?)p["status"] == "loaded");
        var after = await Client.GetFromJsonAsync<JsonObject>("openapi/v1.json");
        Assert.Contains("/fixtures/good/ping", after!["paths"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task An_invalid_pack_dropped_in_is_reported_and_nothing_else_changes()
    {
        Folders.Drop(BuiltPacks.Fixtures, "abstract", m =>
        {
            m["code"] = "X-ABSTRACT-1";
            m["router_symbol"] = "Valhalla.Fixtures.Packs.AbstractPack";
            m["route_prefix"] = "/fixtures/abstract";
            m["data_paths"] = new JsonArray("fixtures/abstract.db");
        });

        var report = await Host.WaitForReportAsync(r => r.Packs.Any(p => p.Code == "X-ABSTRACT-1"));

        var pack = report.Packs.Single(p => p.Code == "X-ABSTRACT-1");
        Assert.Equal(PackStatus.Skipped, pack.Status);
        Assert.Contains("entry_type_abstract", pack.Errors.Select(e => e.Code));
        Assert.Equal(PackStatus.Loaded, report.Packs.Single(p => p.Code == "P-PACKS-1").Status);
        var listed = await Client.GetFromJsonAsync<JsonObject>("core/packs/X-ABSTRACT-1");
        Assert.Contains("entry_type_abstract", listed!["errors"]!.AsArray().Select(e => (string?)e!["code"]));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("fixtures/abstract/ping")).StatusCode);
        Assert.False(File.Exists(Path.Combine(Folders.DataRoot, "fixtures", "abstract.db")), "an invalid pack gets no store");
    }

    [Fact]
    public async Task A_half_copied_pack_is_not_loaded_until_its_files_are_complete()
    {
        var complete = BuiltPacks.OutputOf(BuiltPacks.Fixtures);
        var folder = Path.Combine(Folders.DropFolder, "half");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(complete).Where(f => !f.EndsWith("Valhalla.Fixtures.Packs.dll", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var dll = File.ReadAllBytes(Path.Combine(complete, "Valhalla.Fixtures.Packs.dll"));
        File.WriteAllBytes(Path.Combine(folder, "Valhalla.Fixtures.Packs.dll"), dll[..(dll.Length / 2)]);

        var halfway = await Host.WaitForReportAsync(r => r.Packs.Any(p => p.Code == Fixture));
        var pack = halfway.Packs.Single(p => p.Code == Fixture);
        Assert.Equal(PackStatus.Skipped, pack.Status);
        Assert.Equal("module_unreadable", Assert.Single(pack.Errors).Code);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("fixtures/good/ping")).StatusCode);

        File.WriteAllBytes(Path.Combine(folder, "Valhalla.Fixtures.Packs.dll"), dll);

        await Host.WaitForLoadedAsync(Fixture);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("fixtures/good/ping")).StatusCode);
    }
}
