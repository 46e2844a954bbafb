using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;

namespace Valhalla.Host.Validation;

/// <summary>
/// Checks of a pack folder's files: the module is there, and the pack does not carry its own copy
/// of what the host must be the only owner of. A private Valhalla.Contracts would split IPack into
/// two types; a private SQLite provider would load a second native library that never unloads.
/// </summary>
internal static class PackFolderChecks
{
    public static IEnumerable<Finding> Check(PackManifest manifest, string folder)
    {
        var pack = manifest.Code;
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(folder, f), Name: Path.GetFileName(f)))
            .ToList();

        if (files.FirstOrDefault(f => f.Name == "Valhalla.Contracts.dll") is { Path: { } contracts })
        {
            yield return ManifestChecks.Error(pack, FindingCodes.ShipsContracts, "The pack ships its own Valhalla.Contracts.",
                $"{contracts} must not be in the pack folder: the host's copy is the only one. Reference the contracts with <Private>false</Private> and <ExcludeAssets>runtime</ExcludeAssets>.");
        }

        foreach (var (path, _) in files.Where(f => IsSqliteProvider(f.Name)))
        {
            yield return ManifestChecks.Error(pack, FindingCodes.ShipsSqliteProvider, "The pack ships its own SQLite provider.",
                $"{path} must not be in the pack folder: the host owns SQLite and hands packs connections through IPackDatabase. Remove the Microsoft.Data.Sqlite / SQLitePCLRaw reference.");
        }

        if (manifest.Module.IndexOfAny(['/', '\\']) < 0 && !File.Exists(Path.Combine(folder, manifest.Module + ".dll")))
        {
            yield return ManifestChecks.Error(pack, FindingCodes.ModuleMissing, "The pack's assembly is missing.",
                $"module '{manifest.Module}' needs {manifest.Module}.dll in {folder}. Copy the pack's whole build output into the folder, or fix module.");
            yield break;
        }

        if (File.Exists(Path.Combine(folder, manifest.Module + ".dll")))
        {
            foreach (var finding in EntryTypeInspector.Inspect(manifest, Path.Combine(folder, manifest.Module + ".dll")))
            {
                yield return finding;
            }
        }
    }

    private static bool IsSqliteProvider(string fileName) =>
        fileName == "Microsoft.Data.Sqlite.dll"
        || (fileName.StartsWith("SQLitePCLRaw.", StringComparison.Ordinal) && fileName.EndsWith(".dll", StringComparison.Ordinal))
        || fileName.Contains("e_sqlite3", StringComparison.Ordinal);
}
