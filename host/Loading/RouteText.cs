using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Valhalla.Host.Loading;

/// <summary>Describes an endpoint for reports: <c>GET /core/budget/buckets/{bucket_id}</c>.</summary>
internal static class RouteText
{
    public static string Describe(Endpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        var verb = methods is { Count: > 0 } ? string.Join(",", methods) : "ANY";
        var pattern = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? endpoint.DisplayName ?? "?";
        return $"{verb} /{pattern.Trim('/')}";
    }
}
