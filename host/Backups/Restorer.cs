using System.Globalization;
using System.IO.Compression;
using Valhalla.Host.Configuration;

namespace Valhalla.Host.Backups;

/// <summary>
/// Restores a backup into a data root, offline. In order, and refusing at the first problem with the
/// data root untouched: every checksum is verified; no database is newer than the installed pack (or
/// host) knows; no host runs on the data root (its <see cref="HostLock"/>, which the restore then holds);
/// each database is extracted beside the data root's files and passes <c>PRAGMA integrity_check</c>.
/// Only then are the current files moved aside to <c>restore-aside/STAMP/</c> and the restored ones moved in.
/// </summary>
internal sealed class Restorer(ValhallaPaths paths, TimeProvider time, TextWriter output, TextWriter error)
{
    public const int Restored = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int ArchiveInvalid = 3;
    public const int HostRunning = 4;
    public const int SchemaTooNew = 5;

    public const string AsideFolder = "restore-aside";

    public async Task<int> RunAsync(string archive, CancellationToken ct)
    {
        if (!File.Exists(archive))
        {
            await error.WriteLineAsync($"No backup at {archive}.");
            return Usage;
        }

        BackupManifest manifest;
        try
        {
            manifest = await BackupVerifier.VerifyAsync(archive, ct);
        }
        catch (InvalidDataException ex)
        {
            await error.WriteLineAsync($"Refused, nothing was changed: {ex.Message}");
            return ArchiveInvalid;
        }

        await output.WriteLineAsync($"Verified {Path.GetFileName(archive)} (taken {manifest.CreatedAt:u}): {manifest.Databases.Count} databases, every checksum matches.");
        if (await TooNewAsync(manifest) is { } tooNew)
        {
            await error.WriteLineAsync($"Refused, nothing was changed: {tooNew}");
            return SchemaTooNew;
        }

        var lockFile = Path.Combine(paths.HostFolder, HostLock.FileName);
        var createdLock = !File.Exists(lockFile);
        using (var held = HostLock.TryOpen(lockFile))
        {
            if (held is null)
            {
                await error.WriteLineAsync($"Refused, nothing was changed: a Valhalla host is running on {paths.DataRoot} (it holds {lockFile}). Stop it, then restore.");
                return HostRunning;
            }

            var exit = await RestoreAsync(archive, manifest, ct);
            if (exit != Restored && createdLock)
            {
                File.Delete(lockFile);
            }

            return exit;
        }
    }

    private async Task<string?> TooNewAsync(BackupManifest manifest)
    {
        var installed = MigrationLevels.Packs(paths.DropFolder);
        foreach (var database in manifest.Databases)
        {
            if (database.Pack is null)
            {
                if (database.SchemaVersion > MigrationLevels.Host())
                {
                    return $"the host's database ({database.DataPath}) has schema version {database.SchemaVersion}, but this host knows only up to {MigrationLevels.Host()}. Restore with the Valhalla that took the backup, or a newer one.";
                }
            }
            else if (installed.TryGetValue(database.Pack, out var pack))
            {
                if (database.SchemaVersion > pack.Schema)
                {
                    return $"{database.Pack}'s {database.DataPath} has schema version {database.SchemaVersion} (from {database.Pack} {database.Version}), but the installed {database.Pack} {pack.Version} knows only up to {pack.Schema}. Install {database.Pack} {database.Version} or newer in {paths.DropFolder}, then restore.";
                }
            }
            else
            {
                await output.WriteLineAsync($"Warning: {database.Pack} is not installed in {paths.DropFolder}; its data is restored for when {database.Pack} {database.Version} is.");
            }
        }

        return null;
    }

    private async Task<int> RestoreAsync(string archive, BackupManifest manifest, CancellationToken ct)
    {
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var staging = Path.Combine(paths.DataRoot, ".restore-" + stamp);
        try
        {
            List<(BackupDatabase Database, string File)> staged;
            try
            {
                staged = await ExtractAsync(archive, manifest, staging, ct);
            }
            catch (InvalidDataException ex)
            {
                await error.WriteLineAsync($"Refused, nothing was changed: {ex.Message}");
                return ArchiveInvalid;
            }

            foreach (var (database, file) in staged)
            {
                if (DatabaseSnapshot.IntegrityProblems(file) is { } problems)
                {
                    await error.WriteLineAsync($"Refused, nothing was changed: {database.DataPath} fails PRAGMA integrity_check: {problems}");
                    return Failed;
                }
            }

            var aside = Path.Combine(paths.DataRoot, AsideFolder, stamp);
            foreach (var (database, file) in staged)
            {
                var target = Path.GetFullPath(database.DataPath, paths.DataRoot);
                MoveAside(target, Path.GetFullPath(database.DataPath, aside));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(file, target);
                await output.WriteLineAsync($"Restored {database.DataPath} ({database.Pack ?? "host"}{(database.Version is null ? "" : " " + database.Version)}, schema {database.SchemaVersion}, {database.Size} bytes): integrity_check ok.");
            }

            if (Directory.Exists(aside))
            {
                await output.WriteLineAsync($"The files it replaced are in {aside}.");
            }

            return Restored;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    // Each entry is checked again as it is written out: the archive may have changed since it was verified.
    private static async Task<List<(BackupDatabase Database, string File)>> ExtractAsync(string archive, BackupManifest manifest, string staging, CancellationToken ct)
    {
        Directory.CreateDirectory(staging);
        await using var zip = await BackupVerifier.OpenAsync(archive, ct);
        var staged = new List<(BackupDatabase, string)>();
        foreach (var (database, index) in manifest.Databases.Select((d, i) => (d, i)))
        {
            var file = Path.Combine(staging, index.ToString(CultureInfo.InvariantCulture) + ".db");
            await using (var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await BackupEntries.CheckAsync(zip, database.Entry, database.Size, database.Sha256, output, ct);
            }

            staged.Add((database, file));
        }

        return staged;
    }

    // The database and its companions: a -wal may hold commits not yet in the main file.
    private static void MoveAside(string target, string aside)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            if (File.Exists(target + suffix))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(aside)!);
                File.Move(target + suffix, aside + suffix);
            }
        }
    }
}
