namespace Valhalla.Host.Backups;

/// <summary>
/// <c>manifest.json</c> at the root of a backup: what it holds and each file's checksum, so a
/// restore can verify everything before it touches the data root.
/// </summary>
/// <param name="Format">The layout of the archive; 1 for now.</param>
/// <param name="CreatedAt">When the snapshot was taken.</param>
/// <param name="Contracts">The host's contracts version.</param>
/// <param name="Databases">Each database, under <c>data/</c> + its data path.</param>
/// <param name="Packs">Each backed-up pack's manifest, under <c>packs/CODE/pack.json</c>.</param>
internal sealed record BackupManifest(int Format, DateTimeOffset CreatedAt, string Contracts, IReadOnlyList<BackupDatabase> Databases, IReadOnlyList<BackupPackJson> Packs)
{
    public const string EntryName = "manifest.json";

    public const int CurrentFormat = 1;
}

/// <param name="Pack">The pack's code; null for the host's own database (<c>host/host.db</c>).</param>
/// <param name="Version">The pack's version when backed up.</param>
/// <param name="DataPath">Relative to the data root.</param>
/// <param name="Entry">The entry in the archive.</param>
/// <param name="SchemaVersion">The database's <c>PRAGMA user_version</c>: its last applied migration.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">Lower-case hex.</param>
internal sealed record BackupDatabase(string? Pack, string? Version, string DataPath, string Entry, int SchemaVersion, long Size, string Sha256);

/// <param name="Pack">The pack's code.</param>
/// <param name="Version">The pack's version.</param>
/// <param name="Entry">The entry in the archive.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">Lower-case hex.</param>
internal sealed record BackupPackJson(string Pack, string Version, string Entry, long Size, string Sha256);
