using Valhalla.Host.Configuration;
using Valhalla.Host.Discovery;
using Valhalla.Host.Loading;
using Valhalla.Host.Stores;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Backups;

/// <summary>What a backup holds: the host's own database and every pack's databases, from the packs' manifests.</summary>
internal static class BackupSources
{
    /// <summary>The databases of the packs running in this host, and the host's.</summary>
    public static IReadOnlyList<BackupSource> Running(ValhallaPaths paths, IReadOnlyList<PackRuntime> running) =>
    [
        .. Host(paths),
        .. running.SelectMany(pack => pack.Databases.Select(db => new BackupSource(
            pack.Code, pack.Manifest.Version, db.DataPath, db.FilePath, Path.Combine(pack.Source.Folder, PackDiscovery.ManifestFile)))),
    ];

    /// <summary>
    /// For a backup from the command line, which may run beside a host or without one: the databases
    /// of every valid pack in the drop folder that exist on disk, and the host's.
    /// </summary>
    public static IReadOnlyList<BackupSource> OnDisk(ValhallaPaths paths, PackValidator validator)
    {
        var valid = validator.Validate(PackDiscovery.Discover(paths.DropFolder), []).Where(p => p.IsValid && p.Pack.Manifest is not null);
        return
        [
            .. Host(paths),
            .. valid.SelectMany(pack => pack.Pack.Manifest!.DataPaths
                .Select(dataPath => new BackupSource(pack.Code, pack.Pack.Manifest.Version, dataPath,
                    Path.GetFullPath(dataPath, paths.DataRoot), Path.Combine(pack.Pack.Folder, PackDiscovery.ManifestFile)))
                .Where(source => File.Exists(source.FilePath))),
        ];
    }

    private static IEnumerable<BackupSource> Host(ValhallaPaths paths)
    {
        var file = Path.Combine(paths.DataRoot, HostDatabase.DataPath);
        return File.Exists(file) ? [new BackupSource(null, null, HostDatabase.DataPath, file, null)] : [];
    }
}
