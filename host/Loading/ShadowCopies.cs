namespace Valhalla.Host.Loading;

/// <summary>
/// Private copies of pack folders that the host loads from, so the drop folder is never locked and
/// a pack being replaced or removed keeps loading its own dependencies (lazily, from its copy)
/// until it is unloaded. One temp folder per host; each copy is deleted when its pack is unloaded.
/// The host holds an exclusive lock on a file in its folder while it runs, so a later host can tell
/// a folder left behind by a host that died (the lock is free) from one in use, and delete it.
/// </summary>
internal sealed class ShadowCopies : IDisposable
{
    public const string Prefix = "valhalla-packs-";
    public const string OwnerLock = ".owner.lock";

    private readonly Lazy<(DirectoryInfo Folder, FileStream Lock)> _root = new(CreateRoot);
    private int _next;

    /// <summary>
    /// Deletes the shadow copy folders in <paramref name="tempFolder"/> whose host is gone (nothing
    /// holds their owner lock) and returns them. A folder without an owner lock (made by an older
    /// host, or one being created right now) is left alone: nothing tells whether its host runs.
    /// </summary>
    public static IReadOnlyList<string> DeleteStale(string tempFolder)
    {
        var deleted = new List<string>();
        IEnumerable<string> candidates;
        try
        {
            candidates = [.. Directory.EnumerateDirectories(tempFolder, Prefix + "*")];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return deleted;
        }

        foreach (var folder in candidates.Where(IsAbandoned))
        {
            Delete(folder);
            if (!Directory.Exists(folder))
            {
                deleted.Add(folder);
            }
        }

        return deleted;
    }

    /// <summary>Copies <paramref name="packFolder"/> and returns the copy's path.</summary>
    public string Copy(string packFolder)
    {
        var target = Path.Combine(_root.Value.Folder.FullName, $"{Interlocked.Increment(ref _next)}-{Path.GetFileName(packFolder)}");
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
            _root.Value.Lock.Dispose();
            Delete(_root.Value.Folder.FullName);
        }
    }

    private static (DirectoryInfo, FileStream) CreateRoot()
    {
        var folder = Directory.CreateTempSubdirectory(Prefix);
        return (folder, new FileStream(Path.Combine(folder.FullName, OwnerLock), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None));
    }

    // FileShare.None is an exclusive lock (flock on Unix) that the OS drops when its process dies.
    private static bool IsAbandoned(string folder)
    {
        var ownerLock = Path.Combine(folder, OwnerLock);
        if (!File.Exists(ownerLock))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(ownerLock, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
