using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Valhalla.Contracts.Stores;
using Valhalla.Host.Discovery;
using Valhalla.Host.Stores;

namespace Valhalla.Host.Backups;

/// <summary>
/// The newest schema each installed pack knows: the highest <c>Migrations/NNN_name.sql</c> embedded in
/// its assembly (what <c>IPack.GetMigrations</c> gives by default), read from metadata
/// without loading or running the pack.
/// </summary>
internal static partial class MigrationLevels
{
    /// <summary>The host's own database's newest schema.</summary>
    public static int Host() =>
        Migration.FromEmbeddedResources(typeof(HostDatabase).Assembly, "Access.Migrations").Select(m => m.Version).DefaultIfEmpty(0).Max();

    /// <summary>Each pack in the drop folder by code, with its version and newest migration (first folder wins for a code).</summary>
    public static IReadOnlyDictionary<string, (string Version, int Schema)> Packs(string dropFolder)
    {
        var levels = new Dictionary<string, (string, int)>();
        foreach (var pack in PackDiscovery.Discover(dropFolder))
        {
            if (pack.Manifest is { } manifest && !levels.ContainsKey(manifest.Code))
            {
                levels[manifest.Code] = (manifest.Version, Of(Path.Combine(pack.Folder, manifest.Module + ".dll")));
            }
        }

        return levels;
    }

    /// <summary>The highest embedded migration number of the assembly at <paramref name="dll"/>; 0 when it has none or cannot be read.</summary>
    public static int Of(string dll)
    {
        if (!File.Exists(dll))
        {
            return 0;
        }

        try
        {
            using var pe = new PEReader(File.OpenRead(dll));
            var metadata = pe.GetMetadataReader();
            return metadata.ManifestResources
                .Select(handle => metadata.GetString(metadata.GetManifestResource(handle).Name))
                .Select(name => MigrationResource().Match(name))
                .Where(match => match.Success)
                .Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
                .DefaultIfEmpty(0)
                .Max();
        }
        catch (BadImageFormatException)
        {
            return 0;
        }
    }

    [GeneratedRegex(@"\.Migrations\.(\d+)_[A-Za-z0-9_\-]+\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex MigrationResource();
}
