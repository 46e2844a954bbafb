using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Contracts.Catalog;
using Valhalla.Host;
using Valhalla.Testing;
using Valhalla.Testing.Authoring;

namespace Valhalla.EndToEnd.Tests.Authoring;

/// <summary>The edits that make a "changed" and a "broken" build of the sample do what they say.</summary>
[Collection(AuthoringCollection.Name)]
public sealed class SampleBuildsTests(AuthoringKit kit) : IDisposable
{
    private const string Folder = "Valhalla.Samples.Reminders";
    private readonly HostFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task A_changed_build_of_the_sample_carries_its_new_version_and_title_limit()
    {
        _folders.DropBuild(await kit.ChangedSampleAsync(), Folder);

        await using var host = await _folders.StartAsync();

        Assert.Equal("1.0.1", host.Report.AssertLoaded("P-REMIND-1").Manifest!.Version);
        var response = await host.Client.PostAsJsonAsync("core/reminders", new { title = new string('x', 21), due = "2026-12-01" });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["title"]);
    }

    [Fact]
    public async Task A_broken_build_of_the_sample_passes_validation_but_fails_its_migration_and_the_host_serves_on()
    {
        _folders.DropBuild(await kit.BrokenSampleAsync(), Folder);

        Assert.Equal(0, await ValhallaCommand.RunAsync(["validate", .. _folders.HostArgs]));
        await using var host = await _folders.StartAsync();

        var pack = Assert.Single(host.Report.Packs);
        Assert.Equal(PackStatus.Failed, pack.Status);
        Assert.Contains(pack.Errors, f => f.Code == "migration_failed");
        var health = await host.Client.GetFromJsonAsync<JsonObject>("health");
        Assert.Equal("degraded", (string?)health!["status"]);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("core/reminders")).StatusCode);
    }
}
