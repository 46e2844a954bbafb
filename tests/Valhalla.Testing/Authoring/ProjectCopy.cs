using System.Text.Json.Nodes;

namespace Valhalla.Testing.Authoring;

/// <summary>
/// A copy of a pack project folder (without bin/ and obj/) that a test may edit before it is built:
/// a "changed build" or a "broken build" of the same pack.
/// </summary>
public sealed class ProjectCopy
{
    private ProjectCopy(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>The project's name: its folder's name, as for a project file named after its folder.</summary>
    public string Name => Path.GetFileName(Folder);

    public static ProjectCopy Create(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj")
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return new ProjectCopy(target);
    }

    /// <summary>Replaces <paramref name="oldText"/>, which must occur in the file, by <paramref name="newText"/>.</summary>
    public ProjectCopy Replace(string relativePath, string oldText, string newText)
    {
        var path = Path.Combine(Folder, relativePath);
        var text = File.ReadAllText(path);
        if (!text.Contains(oldText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{relativePath} of {Name} does not contain '{oldText}'; the edit no longer matches the project.");
        }

        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
        return this;
    }

    /// <summary>Writes a file, e.g. a new migration.</summary>
    public ProjectCopy Write(string relativePath, string content)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    /// <summary>Rewrites the project's pack.json.</summary>
    public ProjectCopy EditManifest(Action<JsonObject> edit)
    {
        BuiltPacks.EditManifest(Folder, edit);
        return this;
    }
}
