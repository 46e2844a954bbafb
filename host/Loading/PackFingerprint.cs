namespace Valhalla.Host.Loading;

/// <summary>
/// What a pack folder's files look like on disk (relative path, size and last write time of each),
/// so the host can tell cheaply, without reading them, whether a folder changed since it was loaded.
/// </summary>
internal sealed record PackFingerprint(string Value)
{
    /// <summary>A short hash of <see cref="Value"/>, for remembering files across restarts.</summary>
    public string Hash => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Value)))[..16];

    public static PackFingerprint Of(string folder)
    {
        try
        {
            var files = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories)
                .Select(file => $"{Path.GetRelativePath(folder, file.FullName)}|{file.Length}|{file.LastWriteTimeUtc.Ticks}")
                .Order(StringComparer.Ordinal);
            return new PackFingerprint(string.Join('\n', files));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The folder is being removed or rewritten right now; the next change event looks again.
            return new PackFingerprint($"unreadable: {ex.Message}");
        }
    }
}
