using System.Text.Json.Nodes;

namespace Valhalla.Testing;

/// <summary>A test's own data root with the drop folder inside it, as the host lays them out by default.</summary>
public sealed class HostFolders : IDisposable
{
    private readonly TempDirectory _temp = new();

    public string DataRoot => _temp.Combine("data");

    public string DropFolder => _temp.Combine("data", "packs");

    /// <summary>The configuration that points a host at these folders.</summary>
    public string[] HostArgs => [$"--Valhalla:DataPath={DataRoot}", $"--Valhalla:PacksPath={DropFolder}", "--Logging:LogLevel:Default=Warning"];

    /// <summary>Copies a built pack into the drop folder; see <see cref="BuiltPacks.Drop"/>.</summary>
    public string Drop(string project, string? folderName = null, Action<JsonObject>? editManifest = null) =>
        BuiltPacks.Drop(DropFolder, project, folderName, editManifest);

    public Task<RunningHost> StartAsync(params string[] extraArgs) => RunningHost.StartAsync(DataRoot, DropFolder, extraArgs);

    /// <summary>Starts a host on these folders whose clock is <paramref name="time"/>.</summary>
    public Task<RunningHost> StartAsync(TimeProvider time, params string[] extraArgs) => RunningHost.StartAsync(DataRoot, DropFolder, time, extraArgs);

    public void Dispose() => _temp.Dispose();
}
