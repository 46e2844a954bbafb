using Valhalla.Host.Configuration;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Backups;

/// <summary>
/// <c>valhalla backup</c> takes a backup of the data root now (beside a running host or without one);
/// <c>valhalla restore FILE [--data DIR]</c> restores one, offline (see <see cref="Restorer"/>).
/// </summary>
internal static class BackupCommand
{
    public const string RestoreUsage = "usage: restore FILE [--data DIR] [--Valhalla:PacksPath=DROP]";

    public static async Task<int> BackUpAsync(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var paths = services.GetRequiredService<ValhallaPaths>();
        var validator = services.GetRequiredService<PackValidator>();
        var record = await services.GetRequiredService<BackupService>().BackUpAsync(() => BackupSources.OnDisk(paths, validator), CancellationToken.None);
        if (record.Outcome != BackupRecord.Ok)
        {
            await error.WriteLineAsync($"Backup failed, no file was kept: {record.Error}");
            return 1;
        }

        await output.WriteLineAsync(Path.Combine(paths.DataRoot, HostOwnedPaths.BackupsFolder, record.Name));
        await error.WriteLineAsync($"Backed up {paths.DataRoot} ({record.Size} bytes).");
        return 0;
    }

    /// <summary>Splits <c>FILE [--data DIR]</c> from the host configuration that follows; null when the command is malformed.</summary>
    public static (string File, string[] HostArgs)? ParseRestore(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = args[1..].ToList();
        var at = rest.IndexOf("--data");
        if (at >= 0)
        {
            if (at + 1 >= rest.Count)
            {
                return null;
            }

            rest[at] = $"--{ValhallaOptions.Section}:{nameof(ValhallaOptions.DataPath)}={Path.GetFullPath(rest[at + 1])}";
            rest.RemoveAt(at + 1);
        }

        return (Path.GetFullPath(args[0]), [.. rest]);
    }

    public static async Task<int> RestoreAsync(IServiceProvider services, string file, TextWriter output, TextWriter error) =>
        await new Restorer(services.GetRequiredService<ValhallaPaths>(), services.GetRequiredService<TimeProvider>(), output, error)
            .RunAsync(file, CancellationToken.None);
}
