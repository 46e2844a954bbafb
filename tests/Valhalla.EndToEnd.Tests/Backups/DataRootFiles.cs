using System.Security.Cryptography;

namespace Valhalla.EndToEnd.Tests.Backups;

/// <summary>Every file under a data root with its SHA-256, to show a refused restore changed nothing.</summary>
internal static class DataRootFiles
{
    /// <param name="skipLive">Leaves out the -wal and -shm files a running host may touch while idle, and the lock it holds.</param>
    public static SortedDictionary<string, string> Of(string dataRoot, bool skipLive = false)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(dataRoot, "*", SearchOption.AllDirectories))
        {
            if (skipLive && (file.EndsWith("-wal", StringComparison.Ordinal) || file.EndsWith("-shm", StringComparison.Ordinal) || file.EndsWith("host.lock", StringComparison.Ordinal)))
            {
                continue;
            }

            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            files[Path.GetRelativePath(dataRoot, file)] = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        return files;
    }
}
