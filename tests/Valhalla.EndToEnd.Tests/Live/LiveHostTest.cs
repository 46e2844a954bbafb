using System.Text.Json.Nodes;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Live;

/// <summary>A running host serving the registry, into whose drop folder tests add, change and remove packs.</summary>
public abstract class LiveHostTest(params string[] hostArgs) : IAsyncLifetime
{
    public const string Fixture = "X-FIXTURE-1";

    protected HostFolders Folders { get; } = new();

    protected RunningHost Host { get; private set; } = null!;

    protected HttpClient Client => Host.Client;

    public async Task InitializeAsync()
    {
        Folders.Drop(BuiltPacks.Registry);
        Host = await Folders.StartAsync(hostArgs);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Folders.Dispose();
    }

    /// <summary>Drops the good fixture pack (X-FIXTURE-1 at /fixtures/good) into a folder named uniquely for this test.</summary>
    protected string DropGoodPack(Action<JsonObject>? editManifest = null) =>
        Folders.Drop(BuiltPacks.Fixtures, "good-" + Guid.NewGuid().ToString("N")[..8], editManifest);

    /// <summary>The value of the header that says which pack and version answered.</summary>
    protected static string? ServedBy(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Valhalla-Pack", out var values) ? values.Single() : null;
}
