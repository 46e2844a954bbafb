using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Valhalla.Contracts;
using Valhalla.Host.Http;

namespace Valhalla.Host.Backups;

/// <summary>
/// Writes one backup: each database snapshotted into a staging folder, then everything zipped into
/// <c>NAME.zip.partial</c>, flushed to disk and renamed to <c>NAME.zip</c>. Whatever fails, nothing
/// partial is left: the staging folder and the partial archive are deleted. The archive is sealed
/// (<see cref="BackupSeal"/>) before it is renamed, so a <c>NAME.zip</c> is always whole and checkable.
/// </summary>
internal static class BackupArchive
{
    public const string DataFolder = "data/";

    public const string PacksFolder = "packs/";

    public static readonly JsonSerializerOptions Json = WireJson.Create(indented: true);

    /// <summary>Writes the archive and returns its path and size.</summary>
    public static async Task<(string File, long Size)> WriteAsync(
        IReadOnlyList<BackupSource> sources, string backupsFolder, string name, DateTimeOffset createdAt, CancellationToken ct)
    {
        Directory.CreateDirectory(backupsFolder);
        var final = Path.Combine(backupsFolder, name);
        var partial = final + BackupNames.PartialSuffix;
        var staging = Path.Combine(backupsFolder, ".staging-" + Path.GetFileNameWithoutExtension(name));
        try
        {
            Directory.CreateDirectory(staging);
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
                {
                    zip.Comment = BackupSeal.Placeholder;
                    var databases = new List<BackupDatabase>();
                    foreach (var (source, index) in sources.Select((s, i) => (s, i)))
                    {
                        var copy = Path.Combine(staging, index + ".db");
                        var schema = DatabaseSnapshot.Copy(source.FilePath, copy);
                        var entry = DataFolder + source.DataPath;
                        var (size, sha) = await AddAsync(zip, entry, copy, ct);
                        File.Delete(copy);
                        databases.Add(new BackupDatabase(source.Pack, source.Version, source.DataPath, entry, schema, size, sha));
                    }

                    var packs = new List<BackupPackJson>();
                    foreach (var source in sources.Where(s => s.PackJson is not null).DistinctBy(s => s.Pack))
                    {
                        var entry = PacksFolder + source.Pack + "/pack.json";
                        var (size, sha) = await AddAsync(zip, entry, source.PackJson!, ct);
                        packs.Add(new BackupPackJson(source.Pack!, source.Version!, entry, size, sha));
                    }

                    var manifest = new BackupManifest(BackupManifest.CurrentFormat, createdAt, ContractsVersion.Current, databases, packs);
                    await using var manifestStream = await zip.CreateEntry(BackupManifest.EntryName, CompressionLevel.Optimal).OpenAsync(ct);
                    await JsonSerializer.SerializeAsync(manifestStream, manifest, Json, ct);
                }

            }

            await BackupSeal.SealAsync(partial, ct);
            File.Move(partial, final);
            return (final, new FileInfo(final).Length);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Copies <paramref name="file"/> into a new entry, hashing it on the way.</summary>
    private static async Task<(long Size, string Sha256)> AddAsync(ZipArchive zip, string entryName, string file, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using var output = await zip.CreateEntry(entryName, CompressionLevel.Fastest).OpenAsync(ct);
        var buffer = new byte[1 << 16];
        long size = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), ct);
            size += read;
        }

        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
