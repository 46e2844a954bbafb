using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;

namespace Valhalla.Host.Validation;

/// <summary>
/// Checks of a pack folder's files: the module is there, and the pack does not carry its own copy
/// of what the host must be the only owner of. A private Valhalla.Contracts would split IPack into
/// two types; a private SQLite provider would load a second native library that never unloads.
/// Assemblies are recognised by the name in their metadata, so a renamed copy is found too.
/// </summary>
internal static class PackFolderChecks
{
    private static readonly string ContractsAssembly = typeof(IPack).Assembly.GetName().Name!;

    public static IEnumerable<Finding> Check(PackManifest manifest, string folder)
    {
        var pack = manifest.Code;
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(folder, f), Name: Path.GetFileName(f), Assembly: AssemblyNameOf(f)))
            .ToList();

        foreach (var (path, _, assembly) in files.Where(f => f.Name == ContractsAssembly + ".dll" || f.Assembly == ContractsAssembly))
        {
            yield return ManifestChecks.Error(pack, FindingCodes.ShipsContracts, "The pack ships its own Valhalla.Contracts.",
                $"{path}{Named(path, assembly)} must not be in the pack folder: the host's copy is the only one. Reference the contracts with <Private>false</Private> and <ExcludeAssets>runtime</ExcludeAssets>.");
        }

        foreach (var (path, _, assembly) in files.Where(f => IsSqliteProvider(f.Name) || (f.Assembly is { } name && IsSqliteAssembly(name))))
        {
            yield return ManifestChecks.Error(pack, FindingCodes.ShipsSqliteProvider, "The pack ships its own SQLite provider.",
                $"{path}{Named(path, assembly)} must not be in the pack folder: the host owns SQLite and hands packs connections through IPackDatabase. Remove the Microsoft.Data.Sqlite / SQLitePCLRaw reference.");
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

    private static string Named(string path, string? assembly) =>
        assembly is null || Path.GetFileNameWithoutExtension(path) == assembly ? "" : $" (assembly {assembly})";

    private static bool IsSqliteProvider(string fileName) =>
        fileName == "Microsoft.Data.Sqlite.dll"
        || (fileName.StartsWith("SQLitePCLRaw.", StringComparison.Ordinal) && fileName.EndsWith(".dll", StringComparison.Ordinal))
        || fileName.Contains("e_sqlite3", StringComparison.Ordinal);

    private static bool IsSqliteAssembly(string name) =>
        name == "Microsoft.Data.Sqlite" || name.StartsWith("SQLitePCLRaw.", StringComparison.Ordinal);

    /// <summary>The assembly name in a managed file's metadata, or null for anything else (native libraries, data).</summary>
    private static string? AssemblyNameOf(string file)
    {
        if (!file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".exe", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(file);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return null;
            }

            var reader = pe.GetMetadataReader();
            return reader.IsAssembly ? reader.GetString(reader.GetAssemblyDefinition().Name) : null;
        }
        catch (Exception ex) when (ex is BadImageFormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
