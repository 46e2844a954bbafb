using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Contracts.Catalog;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Live;

/// <summary>A host told not to watch its drop folder changes packs only when asked to reload one.</summary>
public sealed class ReloadTests() : LiveHostTest("--Valhalla:Watch=false")
{
    [Fact]
    public async Task With_watching_off_a_dropped_pack_waits_for_its_reload()
    {
        DropGoodPack();

        // Reloading another pack looks at the drop folder but starts only what it was asked to.
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync("core/packs/P-PACKS-1/reload", null)).StatusCode);
        Assert.Equal(PackStatus.Valid, Host.Packs.Report.Packs.Single(p => p.Code == Fixture).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("fixtures/good/ping")).StatusCode);

        var reloaded = await Client.PostAsync($"core/packs/{Fixture}/reload", null);

        Assert.Equal(HttpStatusCode.OK, reloaded.StatusCode);
        Assert.Equal("loaded", (string?)(await reloaded.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("fixtures/good/ping")).StatusCode);
    }

    [Fact]
    public async Task Reloading_starts_a_new_copy_even_when_the_files_are_unchanged()
    {
        DropGoodPack();
        await Client.PostAsync($"core/packs/{Fixture}/reload", null);

        var again = await Client.PostAsync($"core/packs/{Fixture}/reload", null);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(await Host.Packs.WaitForUnloadsAsync(), u => u.Code == Fixture && u.Unloaded);
    }

    [Fact]
    public async Task Reloading_a_pack_whose_new_files_fail_is_a_409_and_the_old_copy_keeps_serving()
    {
        var folder = DropGoodPack();
        await Client.PostAsync($"core/packs/{Fixture}/reload", null);
        BuiltPacks.EditManifest(folder, m => m["router_symbol"] = "Valhalla.Fixtures.Packs.ThrowingPack");

        var refused = await Client.PostAsync($"core/packs/{Fixture}/reload", null);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("pack_configure_failed", (string?)problem["detail"]);
        Assert.Contains($"{Fixture} 1.0.0 keeps serving", (string?)problem["detail"]);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("fixtures/good/ping")).StatusCode);
    }

    [Fact]
    public async Task Reloading_a_pack_no_folder_holds_is_a_404()
    {
        var response = await Client.PostAsync("core/packs/X-NOWHERE-1/reload", null);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reloading_a_pack_whose_folder_is_gone_unloads_it()
    {
        var folder = DropGoodPack();
        await Client.PostAsync($"core/packs/{Fixture}/reload", null);
        Directory.Delete(folder, recursive: true);

        var response = await Client.PostAsync($"core/packs/{Fixture}/reload", null);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("fixtures/good/ping")).StatusCode);
    }
}
