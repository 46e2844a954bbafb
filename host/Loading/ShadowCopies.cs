namespace Valhalla.Host.Loading;

/// <summary>
/// Private copies of pack folders that the host loads from, so the drop folder is never locked and
/// a pack being replaced or removed keeps loading its own dependencies (lazily, from its copy)
/// until it is unloaded. One temp folder per host; each copy is deleted when its pack is unloaded.
/// </summary>
internal sealed class ShadowCopies : IDisposable
{
    private readonly Lazy<DirectoryInfo> _root = new(() => Directory.CreateTempSubdirectory("valhalla-packs-"));
    private int _next;

    /// <summary>Copies <paramref name="packFolder"/> and returns the copy's path.</summary>
    public string Copy(string packFolder)
    {
        var target = Path.Combine(_root.Value.FullName, $"{Interlocked.Increment(ref _next)}-{Path.GetFileName(packFolder)}");
        try
        {
            foreach (var file in Directory.EnumerateFiles(packFolder, "*", SearchOption.AllDirectories))
            {
                var destination = Path.Combine(target, Path.GetRelativePath(packFolder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(file, destination);
            }

            return target;
        }
        catch
        {
            Delete(target);
            throw;
        }
    }

    public static void Delete(string copy)
    {
        try
        {
            Directory.Delete(copy, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only litter in the temp folder; the next start uses a new one.
        }
    }

    public void Dispose()
    {
        if (_root.IsValueCreated)
        {
            Delete(_root.Value.FullName);
        }
    }
}
