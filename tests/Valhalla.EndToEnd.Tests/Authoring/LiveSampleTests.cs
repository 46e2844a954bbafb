using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Testing;
using Valhalla.Testing.Authoring;

namespace Valhalla.EndToEnd.Tests.Authoring;

/// <summary>
/// The reminders sample's life in a running host, as an operator drives it through the drop folder:
/// added, replaced by a changed build under load, replaced by a broken build, removed, put back.
/// </summary>
[Collection(AuthoringCollection.Name)]
public sealed class LiveSampleTests(AuthoringKit kit) : IAsyncLifetime
{
    private const string Code = "P-REMIND-1";
    private readonly HostFolders _folders = new();
    private readonly string _folderName = "reminders-" + Guid.NewGuid().ToString("N")[..8];
    private RunningHost _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync()
    {
        // Built before the host starts, so the waits below time the host, not the compiler.
        await Task.WhenAll(kit.SampleAsync(), kit.ChangedSampleAsync(), kit.BrokenSampleAsync());
        _folders.Drop(BuiltPacks.Registry);
        _host = await _folders.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folders.Dispose();
    }

    [Fact]
    public async Task The_sample_is_added_replaced_under_load_survives_a_broken_build_and_is_removed_and_put_back()
    {
        // Added: answers within a few seconds of landing.
        var folder = _folders.DropBuild(await kit.SampleAsync(), _folderName);
        await _host.WaitForLoadedAsync(Code).WaitAsync(TimeSpan.FromSeconds(10));
        var longTitle = new string('t', 50);
        Assert.Equal(HttpStatusCode.Created, (await PostReminderAsync(longTitle)).StatusCode);

        // Replaced by a changed build (title limit 200 → 20) while clients keep reading.
        using (var load = new SteadyLoad(Client, "core/reminders", clients: 2))
        {
            BuiltPacks.CopyDirectory(await kit.ChangedSampleAsync(), folder);
            await _host.WaitForLoadedAsync(Code, "1.0.1");
            await load.AtLeastAsync(load.Count + 10);
            var answers = await load.StopAsync();
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
            Assert.Contains(answers, a => a.ServedBy == $"{Code}/1.0.1");
        }

        var refused = await PostReminderAsync(longTitle);
        Assert.NotNull((await refused.AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!["title"]);

        // Replaced by a broken build: its migration fails, the changed build keeps serving, the report says why.
        BuiltPacks.CopyDirectory(await kit.BrokenSampleAsync(), folder);
        var report = await _host.WaitForReportAsync(r => r.Packs.Any(p => p.Code == Code && p.Errors.Any()));
        var pack = report.AssertLoaded(Code);
        Assert.Equal("1.0.1", pack.Manifest!.Version);
        Assert.Equal("migration_failed", Assert.Single(pack.Errors).Code);
        var served = await Client.GetAsync("core/reminders");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal($"{Code}/1.0.1", served.Headers.GetValues("Valhalla-Pack").Single());

        // Deleted: 404, and every copy that ran is collected.
        var contexts = LoadContexts.LoadedFrom(_folderName);
        Directory.Delete(folder, recursive: true);
        await _host.WaitForReportAsync(r => r.Packs.All(p => p.Code != Code));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("core/reminders")).StatusCode);
        Assert.All((await _host.Packs.WaitForUnloadsAsync()).Where(u => u.Code == Code), u => Assert.True(u.Unloaded, $"{u.Version} leaked"));
        Assert.True(LoadContexts.AllCollected(contexts));

        // Put back (the last build that worked): its data is still there.
        _folders.DropBuild(await kit.ChangedSampleAsync(), _folderName);
        await _host.WaitForLoadedAsync(Code);
        var list = await Client.GetFromJsonAsync<JsonObject>("core/reminders");
        Assert.Equal(longTitle, (string?)Assert.Single(list!["items"]!.AsArray())!["title"]);
    }

    private Task<HttpResponseMessage> PostReminderAsync(string title) =>
        Client.PostAsJsonAsync("core/reminders", new { title, due = "2026-12-24" });
}
