using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Unruly;

/// <summary>A pack that ended the host's process is held back at the next start; the rest serve, and SIGTERM still stops the host.</summary>
public sealed class QuarantineTests : IDisposable
{
    private readonly HostFolders _folders = new();

    public QuarantineTests()
    {
        _folders.Drop(BuiltPacks.Fixtures, "good");
    }

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task A_pack_that_ended_the_process_while_starting_is_quarantined_at_the_next_start()
    {
        _folders.DropUnruly("ExitingPack", "X-EXIT-1");
        await using (var first = HostProcess.Start(_folders))
        {
            Assert.Null(await first.ListeningAsync());
            Assert.Equal(42, await first.WaitForExitAsync());
        }

        await using var second = HostProcess.Start(_folders);
        Assert.True(await second.ListeningAsync() is not null, second.Output);

        Assert.Equal(HttpStatusCode.OK, (await second.Client.GetAsync("fixtures/good/ping")).StatusCode);
        var finding = await FindingOfAsync(second, "X-EXIT-1");
        Assert.Equal("pack_quarantined", (string?)finding["code"]);
        Assert.Contains("the host's process ended while X-EXIT-1 1.0.0 was starting", (string?)finding["detail"]);
        await StopsOnSigtermAsync(second);
    }

    [Fact]
    public async Task A_pack_that_ended_the_process_twice_while_serving_is_quarantined()
    {
        _folders.DropUnruly("CrashingThreadPack", "X-CRASH-1");
        for (var crash = 1; crash <= 2; crash++)
        {
            await using var crashing = HostProcess.Start(_folders);
            Assert.True(await crashing.ListeningAsync() is not null, crashing.Output);
            Assert.Equal(HttpStatusCode.OK, (await crashing.Client.GetAsync("fixtures/x-crash-1/ping")).StatusCode);
            await crashing.Client.PostAsync("fixtures/x-crash-1/crash", null);
            Assert.NotEqual(0, await crashing.WaitForExitAsync());
        }

        await using var host = HostProcess.Start(_folders);
        Assert.True(await host.ListeningAsync() is not null, host.Output);

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("fixtures/good/ping")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("fixtures/x-crash-1/ping")).StatusCode);
        var finding = await FindingOfAsync(host, "X-CRASH-1");
        Assert.Equal("pack_quarantined", (string?)finding["code"]);
        Assert.Contains("CrashingThreadPack gives up.", (string?)finding["detail"]);
        await StopsOnSigtermAsync(host);
    }

    [Fact]
    public async Task A_pack_that_crashed_once_while_serving_starts_again()
    {
        _folders.DropUnruly("CrashingThreadPack", "X-CRASH-1");
        await using (var crashing = HostProcess.Start(_folders))
        {
            Assert.True(await crashing.ListeningAsync() is not null, crashing.Output);
            await crashing.Client.PostAsync("fixtures/x-crash-1/crash", null);
            Assert.NotEqual(0, await crashing.WaitForExitAsync());
        }

        await using var host = HostProcess.Start(_folders);
        Assert.True(await host.ListeningAsync() is not null, host.Output);

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("fixtures/x-crash-1/ping")).StatusCode);
        await StopsOnSigtermAsync(host);
    }

    [Fact]
    public async Task A_quarantined_pack_whose_files_are_fixed_starts_again()
    {
        var folder = _folders.DropUnruly("ExitingPack", "X-EXIT-1");
        await using (var first = HostProcess.Start(_folders))
        {
            Assert.Equal(42, await first.WaitForExitAsync());
        }

        BuiltPacks.EditManifest(folder, m =>
        {
            m["router_symbol"] = "Valhalla.Fixtures.Unruly.SlowPack";
            m["version"] = "1.0.1";
        });
        await using var fixedHost = HostProcess.Start(_folders);
        Assert.True(await fixedHost.ListeningAsync() is not null, fixedHost.Output);

        Assert.Equal(HttpStatusCode.OK, (await fixedHost.Client.GetAsync("fixtures/x-exit-1/ping")).StatusCode);
        await StopsOnSigtermAsync(fixedHost);
    }

    [Fact]
    public async Task Reloading_a_quarantined_pack_lifts_the_quarantine()
    {
        _folders.Drop(BuiltPacks.Registry);
        _folders.DropUnruly("ExitingPack", "X-EXIT-1");
        await using (var first = HostProcess.Start(_folders))
        {
            Assert.Equal(42, await first.WaitForExitAsync());
        }

        await using (var quarantined = HostProcess.Start(_folders))
        {
            Assert.True(await quarantined.ListeningAsync() is not null, quarantined.Output);

            // The admin asked for it: the host starts the pack, which ends the process again.
            _ = quarantined.Client.PostAsync("core/packs/X-EXIT-1/reload", null);
            Assert.Equal(42, await quarantined.WaitForExitAsync());
        }

        await using var host = HostProcess.Start(_folders);
        Assert.True(await host.ListeningAsync() is not null, host.Output);
        Assert.Equal("pack_quarantined", (string?)(await FindingOfAsync(host, "X-EXIT-1"))["code"]);
        await StopsOnSigtermAsync(host);
    }

    private async Task<JsonObject> FindingOfAsync(HostProcess host, string code)
    {
        var health = (await host.Client.GetFromJsonAsync<JsonObject>("health"))!;
        Assert.Equal("skipped", (string?)health["packs"]!.AsArray().Single(p => (string?)p!["code"] == code)!["status"]);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_folders.DataRoot, "reports", "validation.json")))!;
        var pack = report["packs"]!.AsArray().Single(p => (string?)p!["code"] == code)!;
        return pack["errors"]!.AsArray().Single()!.AsObject();
    }

    private static async Task StopsOnSigtermAsync(HostProcess host)
    {
        host.Terminate();
        Assert.Equal(0, await host.WaitForExitAsync());
    }
}
