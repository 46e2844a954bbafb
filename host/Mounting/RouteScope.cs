using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Valhalla.Host.Loading;

namespace Valhalla.Host.Mounting;

/// <summary>
/// Whether a pack's endpoints stay under its route prefix. A pack maps on the route group the host
/// gives it, but the group hands out the outer builder's data sources, so a pack can map anywhere —
/// over <c>/health</c> or another pack's routes, which routing would only find ambiguous when asked.
/// </summary>
internal static class RouteScope
{
    /// <summary>The endpoints (as report text) that do not lie under <paramref name="prefix"/>, in the order mapped.</summary>
    public static IReadOnlyList<string> Outside(IEnumerable<Endpoint> endpoints, string prefix)
    {
        var segments = prefix.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return [.. endpoints.Where(endpoint => endpoint is not RouteEndpoint route || !Under(route.RoutePattern, segments)).Select(RouteText.Describe)];
    }

    /// <summary>Each prefix segment is matched by a literal segment of its own: no parameter, catch-all or complex segment may stand in for it.</summary>
    private static bool Under(RoutePattern pattern, string[] prefix) =>
        pattern.PathSegments.Count >= prefix.Length
        && prefix.Select((segment, at) => pattern.PathSegments[at].Parts is [RoutePatternLiteralPart literal]
            && string.Equals(literal.Content, segment, StringComparison.OrdinalIgnoreCase)).All(matches => matches);
}
