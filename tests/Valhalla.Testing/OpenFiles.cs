namespace Valhalla.Testing;

/// <summary>
/// What this process holds open, read from <c>/proc/self/fd</c> (Linux, where the host and CI run): the
/// direct evidence that a store closed its SQLite file, its <c>-wal</c> and its <c>-shm</c>.
/// </summary>
public static class OpenFiles
{
    /// <summary>How many of this process's file descriptors point at <paramref name="path"/> or a file named after it.</summary>
    public static int To(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Open files are read from /proc/self/fd, which only Linux has.");
        }

        var full = Path.GetFullPath(path);
        return Directory.EnumerateFileSystemEntries("/proc/self/fd")
            .Select(TargetOf)
            .Count(target => target is not null && target.StartsWith(full, StringComparison.Ordinal));
    }

    private static string? TargetOf(string descriptor)
    {
        try
        {
            return new FileInfo(descriptor).LinkTarget;
        }
        catch (IOException)
        {
            return null; // closed between listing and reading
        }
    }
}
