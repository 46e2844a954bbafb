using Xunit;

namespace Valhalla.Testing;

/// <summary>A test class whose every test gets a fresh host serving <paramref name="packs"/> from its own folders.</summary>
public abstract class HostTest(params string[] packs) : IAsyncLifetime
{
    protected HostFolders Folders { get; } = new();

    protected RunningHost Host { get; private set; } = null!;

    protected HttpClient Client => Host.Client;

    public async Task InitializeAsync()
    {
        foreach (var pack in packs)
        {
            Folders.Drop(pack);
        }

        Host = await Folders.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Folders.Dispose();
    }

    /// <summary>Stops the host and starts a new one on the same folders, doing <paramref name="whileStopped"/> in between.</summary>
    protected async Task RestartAsync(Action? whileStopped = null)
    {
        await Host.DisposeAsync();
        whileStopped?.Invoke();
        Host = await Folders.StartAsync();
    }
}
