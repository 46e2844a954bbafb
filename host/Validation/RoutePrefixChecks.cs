using System.Text.RegularExpressions;
using Valhalla.Contracts.Catalog;

namespace Valhalla.Host.Validation;

/// <summary>
/// Route prefixes must be well formed and must not overlap each other or the host's own routes:
/// ASP.NET Core only notices ambiguous routes when one is requested, so they are refused at load.
/// </summary>
internal static partial class RoutePrefixChecks
{
    /// <summary>Routes the host itself serves (and <c>/</c>, which no well-formed prefix can overlap).</summary>
    public static readonly IReadOnlyList<string> Reserved = ["/host", "/health", "/openapi", "/scalar"];

    public static IEnumerable<Finding> CheckFormat(string pack, string prefix)
    {
        if (!IsWellFormed(prefix))
        {
            yield return ManifestChecks.Error(pack, FindingCodes.RoutePrefixInvalid, "The route prefix is malformed.",
                $"route_prefix '{prefix}' must start with '/', have lower-case segments of letters, digits, '.', '_' or '-' (but no segment '.' or '..'), and no trailing slash or parameters, e.g. /core/budget.");
            yield break;
        }

        foreach (var reserved in Reserved.Where(r => Overlap(prefix, r)))
        {
            yield return ManifestChecks.Error(pack, FindingCodes.RoutePrefixOverlap, "The route prefix overlaps a host route.",
                $"route_prefix '{prefix}' overlaps the host's {reserved}. Choose another prefix, e.g. under /core/.");
        }
    }

    /// <summary>The pattern, and no segment <c>.</c> or <c>..</c>: clients and proxies normalise those away, so such a prefix is unreachable.</summary>
    public static bool IsWellFormed(string prefix) =>
        PrefixPattern().IsMatch(prefix) && !prefix.Split('/').Any(segment => segment is "." or "..");

    /// <summary>Equal, or one is a whole-segment prefix of the other: /core/budget and /core/budget/x overlap; /core/budgets does not.</summary>
    public static bool Overlap(string a, string b) => a == b || a.StartsWith(b + "/", StringComparison.Ordinal) || b.StartsWith(a + "/", StringComparison.Ordinal);

    [GeneratedRegex(@"^(/[a-z0-9._-]+)+$")]
    private static partial Regex PrefixPattern();
}
