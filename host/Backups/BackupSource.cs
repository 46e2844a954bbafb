namespace Valhalla.Host.Backups;

/// <summary>One database to back up.</summary>
/// <param name="Pack">The pack's code, or null for the host's own database.</param>
/// <param name="Version">The pack's version, or null for the host.</param>
/// <param name="DataPath">The path relative to the data root, as in the pack's manifest (forward slashes).</param>
/// <param name="FilePath">The absolute path of the SQLite file.</param>
/// <param name="PackJson">The pack's <c>pack.json</c>, or null for the host.</param>
internal sealed record BackupSource(string? Pack, string? Version, string DataPath, string FilePath, string? PackJson);
