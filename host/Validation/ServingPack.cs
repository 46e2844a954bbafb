namespace Valhalla.Host.Validation;

/// <summary>
/// A pack that was serving: its code, the drop-folder folder (by name) it was serving from, and what
/// it served with. A null <paramref name="RoutePrefix"/> or <paramref name="DataPaths"/> is not compared.
/// </summary>
public sealed record ServingPack(string Code, string Folder, string? RoutePrefix = null, IReadOnlyList<string>? DataPaths = null)
{
    /// <summary>True when <paramref name="manifest"/> claims what this pack served with.</summary>
    public bool ClaimsTheSame(Contracts.PackManifest manifest) =>
        (RoutePrefix is null || RoutePrefix == manifest.RoutePrefix)
        && (DataPaths is null || DataPaths.SequenceEqual(manifest.DataPaths, StringComparer.Ordinal));
}
