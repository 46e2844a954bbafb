using System.IO.Compression;
using System.Text.Json;

namespace Valhalla.Host.Backups;

/// <summary>
/// Checks a backup archive without writing anything, trusting none of it until checked: the archive's
/// seal (<see cref="BackupSeal"/>, every byte of the file); every entry name stays inside the data root,
/// appears once, and is one the manifest lists (and every listed one is there); every entry read to its
/// end matches the zip's CRC-32 and the manifest's size and SHA-256; each database's schema version is
/// the one in its header.
/// </summary>
internal static class BackupVerifier
{
    /// <summary>The verified manifest.</summary>
    /// <exception cref="InvalidDataException">The archive is damaged, tampered with or not a backup; the message says which file.</exception>
    public static async Task<BackupManifest> VerifyAsync(string file, CancellationToken ct)
    {
        try
        {
            await BackupSeal.CheckAsync(file, ct);
            await using var zip = await OpenAsync(file, ct);
            CheckNames(zip);
            var manifest = await ReadManifestAsync(zip, ct);
            CheckListed(zip, manifest);
            foreach (var database in manifest.Databases)
            {
                var header = await BackupEntries.CheckAsync(zip, database.Entry, database.Size, database.Sha256, copyTo: null, ct);
                var schema = header.Length >= 64 ? System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(60)) : -1;
                if (schema != database.SchemaVersion)
                {
                    throw new InvalidDataException($"{database.Entry} has schema version {schema}, but the manifest says {database.SchemaVersion}.");
                }
            }

            foreach (var pack in manifest.Packs)
            {
                await BackupEntries.CheckAsync(zip, pack.Entry, pack.Size, pack.Sha256, copyTo: null, ct);
            }

            return manifest;
        }
        catch (Exception ex) when (ex is JsonException or IOException and not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new InvalidDataException($"{Path.GetFileName(file)} is not a readable Valhalla backup: {ex.Message}", ex);
        }
    }

    /// <summary>Opens the archive for reading; callers verify it first.</summary>
    public static async Task<ZipArchive> OpenAsync(string file, CancellationToken ct) =>
        await ZipArchive.CreateAsync(File.OpenRead(file), ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, ct);

    private static async Task<BackupManifest> ReadManifestAsync(ZipArchive zip, CancellationToken ct)
    {
        if (zip.GetEntry(BackupManifest.EntryName) is null)
        {
            throw new InvalidDataException($"The archive has no {BackupManifest.EntryName}: it is not a Valhalla backup.");
        }

        var bytes = await BackupEntries.ReadAllAsync(zip, BackupManifest.EntryName, ct);
        var manifest = JsonSerializer.Deserialize<BackupManifest>(bytes, BackupArchive.Json)
            ?? throw new InvalidDataException($"{BackupManifest.EntryName} is empty.");
        if (manifest.Databases is null || manifest.Packs is null
            || manifest.Databases.Any(d => d?.DataPath is null || d.Entry is null || d.Sha256 is null)
            || manifest.Packs.Any(p => p?.Pack is null || p.Entry is null || p.Sha256 is null))
        {
            throw new InvalidDataException($"{BackupManifest.EntryName} lacks a list or a field every backup has.");
        }

        return manifest.Format == BackupManifest.CurrentFormat
            ? manifest
            : throw new InvalidDataException($"The backup is in format {manifest.Format}; this host reads format {BackupManifest.CurrentFormat}. Restore it with a newer Valhalla.");
    }

    // A zip is a file a stranger may hand over: no entry may name a path outside the data root, or appear twice.
    private static void CheckNames(ZipArchive zip)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            if (!IsInside(entry.FullName))
            {
                throw new InvalidDataException($"The archive holds an entry named '{entry.FullName}', which does not stay inside the data root.");
            }

            if (!seen.Add(entry.FullName))
            {
                throw new InvalidDataException($"The archive holds {entry.FullName} twice.");
            }
        }
    }

    // Exactly the manifest, the databases and the pack.json files it lists: nothing more, nothing less.
    private static void CheckListed(ZipArchive zip, BackupManifest manifest)
    {
        foreach (var database in manifest.Databases)
        {
            if (!IsInside(database.DataPath) || database.Entry != BackupArchive.DataFolder + database.DataPath)
            {
                throw new InvalidDataException($"The manifest lists the data path '{database.DataPath}' (entry '{database.Entry}'), which does not stay inside the data root.");
            }
        }

        foreach (var pack in manifest.Packs)
        {
            if (pack.Entry != BackupArchive.PacksFolder + pack.Pack + "/pack.json" || !IsInside(pack.Entry))
            {
                throw new InvalidDataException($"The manifest lists '{pack.Entry}' for {pack.Pack}, which is not where a backup keeps its pack.json.");
            }
        }

        var listed = new HashSet<string>([BackupManifest.EntryName, .. manifest.Databases.Select(d => d.Entry), .. manifest.Packs.Select(p => p.Entry)], StringComparer.Ordinal);
        if (zip.Entries.FirstOrDefault(e => !listed.Contains(e.FullName)) is { } extra)
        {
            throw new InvalidDataException($"The archive holds {extra.FullName}, which its manifest does not list.");
        }

        if (listed.FirstOrDefault(name => zip.GetEntry(name) is null) is { } missing)
        {
            throw new InvalidDataException($"The manifest lists {missing}, but the archive does not hold it.");
        }
    }

    // Relative, forward slashes only, no empty, '.' or '..' segment.
    private static bool IsInside(string path) =>
        path.Length > 0 && !Path.IsPathRooted(path) && !path.Contains('\\') && !path.Contains(':') && path.Split('/').All(p => p is not ("" or "." or ".."));
}
