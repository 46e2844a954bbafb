using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Contracts.Catalog;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Live;

public sealed class RemoveTests : LiveHostTest
{
    [Fact]
    public async Task A_removed_pack_is_unmounted_and_its_load_context_collected_and_its_data_comes_back_with_it()
    {
        var folder = DropGoodPack();
        await Host.WaitForLoadedAsync(Fixture);
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync("fixtures/good/notes", new { text = "milk" })).StatusCode);
        // Describing the pack fills the framework's type caches (API explorer, OpenAPI schemas) with its types.
        Assert.Contains("/fixtures/good/notes", (await Client.GetStringAsync("openapi/v1.json")));
        var contexts = LoadContexts.LoadedFrom(Path.GetFileName(folder));
        Assert.NotEmpty(contexts);

        var kept = Path.Combine(Folders.DataRoot, "..", "kept");
        Directory.Move(folder, kept);
        await Host.WaitForReportAsync(r => r.Packs.All(p => p.Code != Fixture));

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("fixtures/good/ping")).StatusCode);
        var unload = Assert.Single(await Host.Packs.WaitForUnloadsAsync(), u => u.Code == Fixture);
        Assert.True(unload.Unloaded, "the host found the pack's load context still reachable");
        Assert.True(LoadContexts.AllCollected(contexts));
        Assert.True(File.Exists(Path.Combine(Folders.DataRoot, "fixtures", "good.db")));

        Directory.Move(kept, folder);
        await Host.WaitForLoadedAsync(Fixture);
        var notes = await Client.GetFromJsonAsync<JsonArray>("fixtures/good/notes");
        Assert.Equal("milk", (string?)Assert.Single(notes!)!["text"]);
    }

    [Fact]
    public async Task Packs_that_require_a_removed_pack_are_unmounted_with_it_and_come_back_with_it()
    {
        var required = Folders.Drop(BuiltPacks.Fixtures, "base", m => Rename(m, "base"));
        Folders.Drop(BuiltPacks.Fixtures, "dependent", m =>
        {
            Rename(m, "dependent");
            m["requires"] = new JsonArray("X-BASE-1");
        });
        await Host.WaitForReportAsync(r => r.Packs.Count(p => p.Status == PackStatus.Loaded && p.Code.StartsWith("X-", StringComparison.Ordinal)) == 2);

        var parked = Path.Combine(Folders.DataRoot, "..", "parked");
        Directory.Move(required, parked);
        var without = await Host.WaitForReportAsync(r => r.Packs.All(p => p.Code != "X-BASE-1"));

        var dependent = without.Packs.Single(p => p.Code == "X-DEPENDENT-1");
        Assert.Equal(PackStatus.Skipped, dependent.Status);
        Assert.Contains("requires_unsatisfied", dependent.Errors.Select(e => e.Code));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("fixtures/dependent/ping")).StatusCode);
        Assert.Contains(await Host.Packs.WaitForUnloadsAsync(), u => u.Code == "X-DEPENDENT-1" && u.Unloaded);

        Directory.Move(parked, required);
        await Host.WaitForLoadedAsync("X-DEPENDENT-1");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("fixtures/dependent/ping")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("fixtures/base/ping")).StatusCode);
    }

    private static void Rename(JsonObject manifest, string name)
    {
        manifest["code"] = $"X-{name.ToUpperInvariant()}-1";
        manifest["route_prefix"] = $"/fixtures/{name}";
        manifest["data_paths"] = new JsonArray($"fixtures/{name}.db");
    }
}
