namespace Valhalla.Testing.Authoring;

/// <summary>Drops a pack built by the kit into a test's drop folder.</summary>
public static class DropFolderExtensions
{
    /// <summary>Copies the build output folder <paramref name="output"/> to <c>&lt;drop folder&gt;/<paramref name="folderName"/></c>.</summary>
    public static string DropBuild(this HostFolders folders, string output, string folderName)
    {
        var target = Path.Combine(folders.DropFolder, folderName);
        BuiltPacks.CopyDirectory(output, target);
        return target;
    }
}
