using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Valhalla.Host.Tests.Mounting;

/// <summary>Endpoints as routing sees them, built without a host.</summary>
internal static class Endpoints
{
    public static RouteEndpoint Get(string pattern, string? name = null) => new(
        _ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0,
        new EndpointMetadataCollection(name is null
            ? [new HttpMethodMetadata(["GET"])]
            : [new HttpMethodMetadata(["GET"]), new EndpointNameMetadata(name), new RouteNameMetadata(name)]),
        pattern);
}
