using System.Net;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Unruly;

/// <summary>The host as its own process answers SIGTERM even while a pack's code never returns.</summary>
public sealed class SigtermTests : IDisposable
{
    private readonly HostFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task Sigterm_stops_the_host_while_a_pack_Dispose_never_returns()
    {
        _folders.Drop(BuiltPacks.Fixtures, "good");
        _folders.DropUnruly("HangingDisposePack", "X-STUCK-1");
        await using var host = HostProcess.Start(_folders, "--Valhalla:PackCallTimeoutMs=6000");
        Assert.True(await host.ListeningAsync() is not null, host.Output);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("fixtures/x-stuck-1/ping")).StatusCode);

        host.Terminate();

        Assert.Equal(0, await host.WaitForExitAsync());
        Assert.Contains("X-STUCK-1 did not stop", host.Output);
    }

    [Fact]
    public async Task A_ConfigureServices_that_never_returns_does_not_keep_the_host_from_listening_or_stopping()
    {
        _folders.Drop(BuiltPacks.Fixtures, "good");
        _folders.DropUnruly("HangingConfigurePack", "X-HANG-1");
        await using var host = HostProcess.Start(_folders, "--Valhalla:PackCallTimeoutMs=6000");

        Assert.True(await host.ListeningAsync() is not null, host.Output);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("fixtures/good/ping")).StatusCode);
        host.Terminate();
        Assert.Equal(0, await host.WaitForExitAsync());
    }
}
