using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Valhalla.Host.Mounting;

/// <summary>
/// Runs each request to a pack endpoint in a scope of that pack's provider, so handlers get the
/// pack's services and the pack's JSON options, and counts it at the pack's gate so a retiring pack
/// is disposed only after its last request. A request routed to a pack that was swapped out a
/// moment ago goes to the same route of the pack's new copy, or is a 404 when the pack is gone.
/// </summary>
internal sealed class PackRequestScopeMiddleware(RequestDelegate next, PackEndpointDataSource endpoints)
{
    private const string PackHeader = "Valhalla-Pack";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<PackEndpointMetadata>() is not { } pack)
        {
            await next(context);
            return;
        }

        while (!pack.Gate.TryEnter())
        {
            var current = endpoints.FindCurrent(pack.PackCode, context.GetEndpoint()!);
            context.SetEndpoint(current);
            if (current?.Metadata.GetMetadata<PackEndpointMetadata>() is not { } replacement)
            {
                await next(context);
                return;
            }

            pack = replacement;
        }

        var hostServices = context.RequestServices;
        try
        {
            await using var scope = pack.Services.CreateAsyncScope();
            context.RequestServices = scope.ServiceProvider;
            context.Response.Headers[PackHeader] = pack.Served;
            await next(context);
        }
        finally
        {
            context.RequestServices = hostServices;
            pack.Gate.Exit();
        }
    }
}
