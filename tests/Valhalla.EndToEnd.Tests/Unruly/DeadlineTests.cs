using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Contracts.Catalog;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Unruly;

/// <summary>Pack code that never returns is abandoned after the pack call deadline; the host goes on with the rest.</summary>
public sealed class DeadlineTests : IAsyncLifetime
{
    private const string Good = "X-FIXTURE-1";
    private readonly HostFolders _folders = new();
    private RunningHost? _host;

    public Task InitializeAsync()
    {
        _folders.Drop(BuiltPacks.Registry);
        _folders.Drop(BuiltPacks.Fixtures, "good");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _folders.Dispose();
    }

    [Theory]
    [InlineData("HangingConfigurePack", "ConfigureServices")]
    [InlineData("HangingConstructorPack", "its constructor")]
    [InlineData("HangingRoutesPack", "MapRoutes")]
    public async Task A_pack_call_that_never_returns_at_start_up_fails_that_pack_and_the_host_serves(string entryType, string call)
    {
        _folders.DropUnruly(entryType, "X-HANG-1");

        var host = await StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("fixtures/good/ping")).StatusCode);
        var hanging = host.Report.Packs.Single(p => p.Code == "X-HANG-1");
        Assert.Equal(PackStatus.Failed, hanging.Status);
        var finding = Assert.Single(hanging.Errors);
        Assert.Equal("pack_call_timeout", finding.Code);
        Assert.Contains($"did not return from {call}", finding.Detail);
        var health = (await host.Client.GetFromJsonAsync<JsonObject>("health"))!;
        Assert.Contains("X-HANG-1 1.0.0", health["leaked"]!.AsArray().Select(l => (string?)l));
    }

    [Fact]
    public async Task After_a_pack_hung_at_start_up_later_drops_are_handled_and_another_pack_reloads()
    {
        _folders.DropUnruly("HangingConfigurePack", "X-HANG-1");
        var host = await StartAsync();

        _folders.DropUnruly("SlowPack", "X-LATE-1");
        await host.WaitForLoadedAsync("X-LATE-1");
        var reload = await host.Client.PostAsync($"core/packs/{Good}/reload", null);

        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("fixtures/x-late-1/ping")).StatusCode);
    }

    [Fact]
    public async Task A_pack_whose_Dispose_never_returns_is_unloaded_as_leaked_and_the_host_goes_on()
    {
        var stuck = _folders.DropUnruly("HangingDisposePack", "X-STUCK-1");
        var host = await StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("fixtures/x-stuck-1/ping")).StatusCode);

        Directory.Delete(stuck, recursive: true);
        await host.WaitForReportAsync(r => r.Packs.All(p => p.Code != "X-STUCK-1"));
        _folders.DropUnruly("SlowPack", "X-LATE-1");
        await host.WaitForLoadedAsync("X-LATE-1");
        var reload = await host.Client.PostAsync($"core/packs/{Good}/reload", null);

        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("fixtures/x-stuck-1/ping")).StatusCode);
        Assert.Contains(await host.Packs.WaitForUnloadsAsync(), u => u.Code == "X-STUCK-1" && !u.Unloaded);
    }

    [Fact]
    public async Task The_host_stops_while_a_pack_Dispose_never_returns()
    {
        _folders.DropUnruly("HangingDisposePack", "X-STUCK-1");
        var host = await StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("fixtures/x-stuck-1/ping")).StatusCode);

        _host = null;
        var stopping = host.DisposeAsync().AsTask();

        // Only a guard against hanging the test run; without the deadline this never completes.
        await stopping.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(stopping.IsCompletedSuccessfully);
    }

    // Long enough for the real packs to start on a busy machine, short enough for the hanging ones.
    private async Task<RunningHost> StartAsync() => _host = await _folders.StartAsync("--Valhalla:PackCallTimeoutMs=4000");
}
