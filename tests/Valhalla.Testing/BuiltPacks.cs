using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Valhalla.Testing;

/// <summary>
/// The build output folders of the repository's packs and fixture packs (each a complete,
/// droppable pack folder), and helpers to drop copies of them into a test's drop folder.
/// </summary>
public static class BuiltPacks
{
    public const string Registry = "Valhalla.Packs.Registry";
    public const string Budget = "Valhalla.Packs.Budget";
    public const string Transactions = "Valhalla.Packs.Transactions";
    public const string ObligationsPack = "Valhalla.Packs.Obligations";
    public const string Audit = "Valhalla.Packs.Audit";
    public const string Fixtures = "Valhalla.Fixtures.Packs";
    /// <summary>The fixture obligations pack (a switch and an in-memory sink); the real one is <see cref="ObligationsPack"/>.</summary>
    public const string Obligations = "Valhalla.Fixtures.Obligations";
    public const string Hostile = "Valhalla.Fixtures.Hostile";
    public const string Unruly = "Valhalla.Fixtures.Unruly";

    private static readonly string RepoRoot = Metadata("RepoRoot");
    private static readonly string Configuration = Metadata("Configuration");

    /// <summary>The build output of <paramref name="project"/>, a project under packs/ or tests/Fixtures/.</summary>
    public static string OutputOf(string project)
    {
        foreach (var parent in new[] { "packs", Path.Combine("tests", "Fixtures") })
        {
            var folder = Path.Combine(RepoRoot, parent, project, "bin", Configuration, "net10.0");
            if (File.Exists(Path.Combine(folder, "pack.json")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException($"No built pack '{project}' under packs/ or tests/Fixtures/ ({Configuration}); build the solution first.");
    }

    /// <summary>
    /// Copies the built pack into <paramref name="dropFolder"/>/<paramref name="folderName"/>
    /// (default: the project name), optionally editing its manifest, and returns the folder.
    /// </summary>
    public static string Drop(string dropFolder, string project, string? folderName = null, Action<JsonObject>? editManifest = null)
    {
        var source = OutputOf(project);
        var target = Path.Combine(dropFolder, folderName ?? project);
        CopyDirectory(source, target);
        if (editManifest is not null)
        {
            EditManifest(target, editManifest);
        }

        return target;
    }

    /// <summary>Rewrites the pack.json in <paramref name="packFolder"/>.</summary>
    public static void EditManifest(string packFolder, Action<JsonObject> edit)
    {
        var path = Path.Combine(packFolder, "pack.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    public static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    private static string Metadata(string key) =>
        typeof(BuiltPacks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing.");
}
