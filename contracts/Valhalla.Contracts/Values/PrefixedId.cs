using System.Security.Cryptography;

namespace Valhalla.Contracts.Values;

/// <summary>
/// Ids of the form <c>prefix_</c> + 12 lowercase hex digits: <c>bk_</c> buckets, <c>tx_</c>
/// transactions, <c>pk_</c> packs.
/// </summary>
public static class PrefixedId
{
    private const int HexDigits = 12;

    /// <summary>A new random id with <paramref name="prefix"/>, e.g. <c>New("bk")</c> → <c>bk_3f9a0c7e12ab</c>.</summary>
    public static string New(string prefix) =>
        $"{prefix}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(HexDigits / 2))}";

    /// <summary>True when <paramref name="value"/> is a well-formed id with <paramref name="prefix"/>.</summary>
    public static bool IsValid(string? value, string prefix)
    {
        if (value is null || value.Length != prefix.Length + 1 + HexDigits
            || !value.StartsWith(prefix, StringComparison.Ordinal) || value[prefix.Length] != '_')
        {
            return false;
        }

        foreach (var c in value.AsSpan(prefix.Length + 1))
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
