using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Contracts.Catalog;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Live;

public sealed class ReplaceTests : LiveHostTest
{
    [Fact]
    public async Task A_replaced_pack_serves_its_new_copy_with_the_same_data_and_the_old_copy_is_unloaded()
    {
        var folder = DropGoodPack();
        await Host.WaitForLoadedAsync(Fixture);
        await Client.PostAsJsonAsync("fixtures/good/notes", new { text = "eggs" });
        var oldContexts = LoadContexts.LoadedFrom(Path.GetFileName(folder));

        BuiltPacks.EditManifest(folder, m => m["version"] = "1.1.0");
        await Host.WaitForLoadedAsync(Fixture, "1.1.0");

        var notes = await Client.GetAsync("fixtures/good/notes");
        Assert.Equal($"{Fixture}/1.1.0", ServedBy(notes));
        Assert.Equal("eggs", (string?)Assert.Single((await notes.Content.ReadFromJsonAsync<JsonArray>())!)!["text"]);
        Assert.Contains(await Host.Packs.WaitForUnloadsAsync(), u => u.Code == Fixture && u.Version == "1.0.0" && u.Unloaded);
        Assert.True(LoadContexts.AllCollected(oldContexts));
    }

    [Fact]
    public async Task A_replacement_that_fails_to_start_leaves_the_old_copy_serving_and_the_report_says_why()
    {
        var folder = DropGoodPack();
        await Host.WaitForLoadedAsync(Fixture);

        BuiltPacks.EditManifest(folder, m =>
        {
            m["version"] = "1.1.0";
            m["router_symbol"] = "Valhalla.Fixtures.Packs.ThrowingPack";
        });
        var report = await Host.WaitForReportAsync(r => r.Packs.Any(p => p.Code == Fixture && p.Errors.Any()));

        var pack = report.Packs.Single(p => p.Code == Fixture);
        Assert.Equal(PackStatus.Loaded, pack.Status);
        Assert.Equal("1.0.0", pack.Manifest!.Version);
        Assert.Equal("pack_configure_failed", Assert.Single(pack.Errors).Code);
        Assert.Contains("previous_copy_serving", pack.Warnings.Select(w => w.Code));
        var pong = await Client.GetAsync("fixtures/good/ping");
        Assert.Equal(HttpStatusCode.OK, pong.StatusCode);
        Assert.Equal($"{Fixture}/1.0.0", ServedBy(pong));

        BuiltPacks.EditManifest(folder, m =>
        {
            m["version"] = "1.2.0";
            m["router_symbol"] = "Valhalla.Fixtures.Packs.GoodPack";
        });
        await Host.WaitForLoadedAsync(Fixture, "1.2.0");
        Assert.Empty(Host.Packs.Report.Packs.Single(p => p.Code == Fixture).Findings);
    }

    [Fact]
    public async Task A_replacement_that_fails_validation_leaves_the_old_copy_serving()
    {
        var folder = DropGoodPack();
        await Host.WaitForLoadedAsync(Fixture);

        File.WriteAllText(Path.Combine(folder, "Valhalla.Fixtures.Packs.dll"), "not an assembly");
        var report = await Host.WaitForReportAsync(r => r.Packs.Any(p => p.Code == Fixture && p.Errors.Any()));

        var pack = report.Packs.Single(p => p.Code == Fixture);
        Assert.Equal(PackStatus.Loaded, pack.Status);
        Assert.Equal("module_unreadable", Assert.Single(pack.Errors).Code);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("fixtures/good/ping")).StatusCode);
    }

    [Fact]
    public async Task Requests_keep_succeeding_while_a_pack_is_replaced_under_steady_load()
    {
        var folder = DropGoodPack();
        await Host.WaitForLoadedAsync(Fixture);
        using var load = new SteadyLoad(Client, "fixtures/good/notes", clients: 4);

        foreach (var version in new[] { "1.1.0", "1.2.0", "1.3.0" })
        {
            BuiltPacks.EditManifest(folder, m => m["version"] = version);
            await Host.WaitForLoadedAsync(Fixture, version);
        }

        await load.AtLeastAsync(load.Count + 10);
        var answers = await load.StopAsync();
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Contains(answers, a => a.ServedBy == $"{Fixture}/1.3.0");
    }
}
