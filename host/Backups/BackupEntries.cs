using System.IO.Compression;
using System.IO.Hashing;
using System.Security.Cryptography;

namespace Valhalla.Host.Backups;

/// <summary>
/// Reads one archive entry to its end, checking what it reads against the zip's CRC-32 (which .NET's
/// <see cref="ZipArchive"/> does not check) and against the manifest's size and SHA-256, optionally
/// copying it out on the way, so what is written is exactly what was checked.
/// </summary>
internal static class BackupEntries
{
    /// <summary>The bytes of <paramref name="name"/>, checked against the zip's CRC-32 (for the manifest itself, whose own checksum is the seal's).</summary>
    public static async Task<byte[]> ReadAllAsync(ZipArchive zip, string name, CancellationToken ct)
    {
        var entry = Find(zip, name);
        using var copy = new MemoryStream();
        await CopyAsync(entry, copy, ct);
        return copy.ToArray();
    }

    /// <summary>Reads the whole entry (into <paramref name="copyTo"/> when given), checks its CRC-32, size and SHA-256, and returns its first 64 bytes.</summary>
    public static async Task<byte[]> CheckAsync(ZipArchive zip, string name, long size, string sha256, Stream? copyTo, CancellationToken ct)
    {
        var (read, actual, header) = await CopyAsync(Find(zip, name), copyTo, ct);
        if (read != size || actual != sha256)
        {
            throw new InvalidDataException($"{name} does not match its checksum (SHA-256 {actual}, {read} bytes; the manifest says {sha256}, {size} bytes): the backup is damaged or was changed.");
        }

        return header;
    }

    private static ZipArchiveEntry Find(ZipArchive zip, string name) =>
        zip.GetEntry(name) ?? throw new InvalidDataException($"The archive does not hold {name}.");

    private static async Task<(long Size, string Sha256, byte[] Header)> CopyAsync(ZipArchiveEntry entry, Stream? copyTo, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var crc = new Crc32();
        await using var stream = await entry.OpenAsync(ct);
        var buffer = new byte[1 << 16];
        var header = new byte[64];
        long read = 0;
        int n;
        while ((n = await stream.ReadAsync(buffer, ct)) > 0)
        {
            if (read < header.Length)
            {
                buffer.AsSpan(0, (int)Math.Min(n, header.Length - read)).CopyTo(header.AsSpan((int)read));
            }

            sha.AppendData(buffer, 0, n);
            crc.Append(buffer.AsSpan(0, n));
            if (copyTo is not null)
            {
                await copyTo.WriteAsync(buffer.AsMemory(0, n), ct);
            }

            read += n;
        }

        if (read != entry.Length || crc.GetCurrentHashAsUInt32() != entry.Crc32)
        {
            throw new InvalidDataException($"{entry.FullName} does not match the zip's own CRC-32 or length for it: the backup is damaged or was changed.");
        }

        return (read, Convert.ToHexStringLower(sha.GetHashAndReset()), read >= header.Length ? header : header[..(int)read]);
    }
}
