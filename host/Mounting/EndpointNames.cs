using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Valhalla.Host.Mounting;

/// <summary>
/// Endpoint names (<c>WithName</c>, which sets both the endpoint name and the route name) must be
/// unique across the whole app: ASP.NET Core fails every request once two endpoints share one. A
/// pack's names are checked against its own and everything mounted before it is mounted.
/// </summary>
internal static class EndpointNames
{
    /// <summary>The names an endpoint carries: its endpoint name and its route name.</summary>
    public static IEnumerable<string> Of(Endpoint endpoint) =>
        new[] { endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName, endpoint.Metadata.GetMetadata<IRouteNameMetadata>()?.RouteName }
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);

    /// <summary>Names given to more than one of <paramref name="endpoints"/>.</summary>
    public static IReadOnlyList<string> Duplicates(IEnumerable<Endpoint> endpoints) =>
        [.. endpoints.SelectMany(Of).GroupBy(name => name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key)];

    /// <summary>Each name of <paramref name="newcomer"/> already held, with who holds it.</summary>
    public static IReadOnlyList<(string Name, string Holder)> Clashes(IEnumerable<Endpoint> newcomer, IEnumerable<(string Holder, Endpoint Endpoint)> held)
    {
        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (holder, endpoint) in held)
        {
            foreach (var name in Of(endpoint))
            {
                holders.TryAdd(name, holder);
            }
        }

        return [.. newcomer.SelectMany(Of).Distinct(StringComparer.Ordinal)
            .Where(holders.ContainsKey).Select(name => (name, holders[name]))];
    }
}
