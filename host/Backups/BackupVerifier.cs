using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace Valhalla.Host.Backups;

/// <summary>
/// Checks a backup archive without writing anything: its manifest reads, every file it lists is there
/// with the size and SHA-256 it lists, each database's schema version is the one in its header, and
/// every data path stays inside the data root.
/// </summary>
internal static class BackupVerifier
{
    /// <summary>The verified manifest.</summary>
    /// <exception cref="InvalidDataException">The archive is damaged, tampered with or not a backup; the message says which file.</exception>
    public static async Task<BackupManifest> VerifyAsync(string file, CancellationToken ct)
    {
        try
        {
            await using var zip = await ZipArchive.CreateAsync(File.OpenRead(file), ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, ct);
            var manifest = await ReadManifestAsync(zip, ct);
            foreach (var database in manifest.Databases)
            {
                CheckDataPath(database);
                var header = await CheckAsync(zip, database.Entry, database.Size, database.Sha256, ct);
                var schema = header.Length >= 64 ? System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(60)) : -1;
                if (schema != database.SchemaVersion)
                {
                    throw new InvalidDataException($"{database.Entry} has schema version {schema}, but the manifest says {database.SchemaVersion}.");
                }
            }

            foreach (var pack in manifest.Packs)
            {
                await CheckAsync(zip, pack.Entry, pack.Size, pack.Sha256, ct);
            }

            return manifest;
        }
        catch (Exception ex) when (ex is JsonException or IOException and not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new InvalidDataException($"{Path.GetFileName(file)} is not a readable Valhalla backup: {ex.Message}", ex);
        }
    }

    private static async Task<BackupManifest> ReadManifestAsync(ZipArchive zip, CancellationToken ct)
    {
        var entry = zip.GetEntry(BackupManifest.EntryName) ?? throw new InvalidDataException($"The archive has no {BackupManifest.EntryName}: it is not a Valhalla backup.");
        await using var stream = await entry.OpenAsync(ct);
        var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, BackupArchive.Json, ct)
            ?? throw new InvalidDataException($"{BackupManifest.EntryName} is empty.");
        return manifest.Format == BackupManifest.CurrentFormat
            ? manifest
            : throw new InvalidDataException($"The backup is in format {manifest.Format}; this host reads format {BackupManifest.CurrentFormat}. Restore it with a newer Valhalla.");
    }

    private static void CheckDataPath(BackupDatabase database)
    {
        var parts = database.DataPath.Split('/', '\\');
        if (Path.IsPathRooted(database.DataPath) || parts.Any(p => p is "" or "." or "..") || database.Entry != BackupArchive.DataFolder + database.DataPath)
        {
            throw new InvalidDataException($"The manifest lists the data path '{database.DataPath}' (entry '{database.Entry}'), which does not stay inside the data root.");
        }
    }

    /// <summary>Reads the whole entry, checks its size and checksum, and returns its first 64 bytes.</summary>
    private static async Task<byte[]> CheckAsync(ZipArchive zip, string name, long size, string sha256, CancellationToken ct)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"The manifest lists {name}, but the archive does not hold it.");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var stream = await entry.OpenAsync(ct);
        var buffer = new byte[1 << 16];
        var header = new byte[64];
        long read = 0;
        int n;
        while ((n = await stream.ReadAsync(buffer, ct)) > 0)
        {
            if (read < header.Length)
            {
                buffer.AsSpan(0, (int)Math.Min(n, header.Length - read)).CopyTo(header.AsSpan((int)read));
            }

            hash.AppendData(buffer, 0, n);
            read += n;
        }

        var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (read != size || actual != sha256)
        {
            throw new InvalidDataException($"{name} does not match its checksum (SHA-256 {actual}, {read} bytes; the manifest says {sha256}, {size} bytes): the backup is damaged or was changed.");
        }

        return read >= header.Length ? header : header[..(int)read];
    }
}
