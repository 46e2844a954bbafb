using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Valhalla.Host.Access;

/// <summary>
/// The text of an API key: <c>vh_</c> followed by 32 random bytes as URL-safe base64 (43 characters).
/// Its first <see cref="IdLength"/> characters after the prefix are its id, which finds the stored
/// record; the whole key's SHA-256 is compared in constant time. A key carries 256 random bits, so a
/// fast hash is enough: there is nothing to guess a dictionary word from.
/// </summary>
internal static class ApiKeySecret
{
    public const string Prefix = "vh_";
    public const int IdLength = 8;
    private const int RandomBytes = 32;
    private static readonly int KeyLength = Prefix.Length + Base64Url.GetEncodedLength(RandomBytes);

    public static string Create() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>The id of <paramref name="key"/>, or null when it is not shaped like a Valhalla key.</summary>
    public static string? IdOf(string key) =>
        key.Length == KeyLength && key.StartsWith(Prefix, StringComparison.Ordinal) && Base64Url.IsValid(key.AsSpan(Prefix.Length))
            ? key.Substring(Prefix.Length, IdLength)
            : null;

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool Matches(string key, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(key), storedHash);
}
