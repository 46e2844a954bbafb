using Valhalla.Contracts.Access;

namespace Valhalla.Host.Access;

/// <summary>
/// The first start's key: when no key exists on a data root, an admin key named <c>owner</c> is
/// created and written to <c>owner.key</c> in the data root, readable by the owner only (0600).
/// The file is never replaced once keys exist.
/// </summary>
internal static class OwnerKey
{
    /// <summary>Creates the owner key when there is no key at all; returns the file written, or null.</summary>
    public static async Task<string?> EnsureAsync(KeyDirectory keys, string file, CancellationToken ct)
    {
        if (!await keys.IsEmptyAsync(ct))
        {
            return null;
        }

        var created = await keys.CreateAsync(KeyDirectory.OwnerName, AccessScope.Admin, [], ct)
            ?? throw new InvalidOperationException("An owner key appeared while the first one was being created.");
        Write(file, created.Secret + Environment.NewLine);
        return file;
    }

    // Written to a private temporary file first and moved into place, so the key is never readable by others,
    // not even for a moment, and a crash leaves either no file or a whole one.
    private static void Write(string file, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, file, overwrite: true);
    }
}
