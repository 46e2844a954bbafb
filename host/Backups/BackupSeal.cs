using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Valhalla.Host.Backups;

/// <summary>
/// The SHA-256 of a whole backup archive, kept in the zip's archive comment (the last bytes of the file).
/// It covers every byte before the comment — local headers, entry data, the manifest, the central
/// directory and the end record — so one byte changed anywhere in the file is caught before anything
/// else of it is believed. It guards against damage and careless edits, not against a forger: the
/// per-entry checks (<see cref="BackupVerifier"/>) still hold an archive to its own manifest.
/// </summary>
internal static class BackupSeal
{
    /// <summary>Lower-case hex of a SHA-256.</summary>
    public const int Length = 64;

    /// <summary>The comment the archive is written with, replaced by <see cref="SealAsync"/>.</summary>
    public static readonly string Placeholder = new('0', Length);

    // The end of central directory record without its comment; its last two bytes are the comment's length.
    private const int EndRecord = 22;
    private const uint EndSignature = 0x06054b50;

    /// <summary>Writes the seal over the placeholder comment of <paramref name="file"/> and flushes it to disk.</summary>
    public static async Task SealAsync(string file, CancellationToken ct)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true);
        if (await ReadCommentAsync(stream, ct) != Placeholder)
        {
            throw new InvalidOperationException($"{file} does not end with the seal's placeholder comment.");
        }

        var seal = await HashAsync(stream, ct);
        stream.Position = stream.Length - Length;
        await stream.WriteAsync(Encoding.ASCII.GetBytes(seal), ct);
        await stream.FlushAsync(ct);
        stream.Flush(flushToDisk: true);
    }

    /// <exception cref="InvalidDataException">The archive has no seal, or its bytes do not match it.</exception>
    public static async Task CheckAsync(string file, CancellationToken ct)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var seal = await ReadCommentAsync(stream, ct)
            ?? throw new InvalidDataException(
                $"{Path.GetFileName(file)} has no archive checksum: it is not a sealed Valhalla backup (backups written before archives were sealed cannot be restored by this version), or its last bytes were changed.");
        var actual = await HashAsync(stream, ct);
        if (actual != seal)
        {
            throw new InvalidDataException(
                $"{Path.GetFileName(file)} does not match its archive checksum (SHA-256 {actual}; the archive says {seal}): the backup is damaged or was changed.");
        }
    }

    // The archive comment when the file ends with an end record whose comment is 64 lower-case hex digits; null otherwise.
    private static async Task<string?> ReadCommentAsync(FileStream stream, CancellationToken ct)
    {
        if (stream.Length < EndRecord + Length)
        {
            return null;
        }

        var tail = new byte[EndRecord + Length];
        stream.Position = stream.Length - tail.Length;
        await stream.ReadExactlyAsync(tail, ct);
        if (BinaryPrimitives.ReadUInt32LittleEndian(tail) != EndSignature || BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(EndRecord - 2)) != Length)
        {
            return null;
        }

        var comment = Encoding.ASCII.GetString(tail, EndRecord, Length);
        return comment.All(char.IsAsciiHexDigitLower) ? comment : null;
    }

    // SHA-256 of every byte before the comment.
    private static async Task<string> HashAsync(FileStream stream, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        var left = stream.Length - Length;
        stream.Position = 0;
        while (left > 0)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), ct);
            if (read == 0)
            {
                throw new EndOfStreamException();
            }

            hash.AppendData(buffer, 0, read);
            left -= read;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
