using System.Collections.Concurrent;

namespace Valhalla.Host.Validation;

/// <summary>
/// Whether the file system under a folder folds case (macOS and Windows usually do, Linux usually
/// not), found by asking it once per folder: two paths that differ only in case are one file there.
/// </summary>
internal static class FileSystemCase
{
    private static readonly ConcurrentDictionary<string, StringComparison> Known = new();

    /// <summary>How paths under <paramref name="folder"/> must be compared to compare files.</summary>
    public static StringComparison ComparisonFor(string folder) => Known.GetOrAdd(folder, f => Probe(f, Guess));

    /// <summary>What is assumed where the disk cannot be asked: Linux file systems usually keep case, others usually fold it.</summary>
    internal static StringComparison Guess => OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>Asks the file system under <paramref name="folder"/> (uncached), answering <paramref name="guess"/> where it cannot.</summary>
    internal static StringComparison Probe(string folder, StringComparison guess)
    {
        var existing = folder;
        while (existing is not null && !Directory.Exists(existing))
        {
            existing = Path.GetDirectoryName(existing);
        }

        if (existing is null)
        {
            return guess;
        }

        var probe = Path.Combine(existing, $".valhalla-case-check-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(probe, []);
            try
            {
                // Only the probe's own name changes case: the folders above it are what they are.
                return File.Exists(Path.Combine(existing, Path.GetFileName(probe).ToUpperInvariant()))
                    ? StringComparison.OrdinalIgnoreCase
                    : StringComparison.Ordinal;
            }
            finally
            {
                File.Delete(probe);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return guess;
        }
    }
}
