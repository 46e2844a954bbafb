using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Valhalla.Host.Mounting;

/// <summary>
/// Runs each request to a pack endpoint in a scope of that pack's provider, so handlers get the
/// pack's services and the pack's JSON options.
/// </summary>
internal sealed class PackRequestScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<PackEndpointMetadata>() is not { } pack)
        {
            await next(context);
            return;
        }

        var hostServices = context.RequestServices;
        await using var scope = pack.Services.CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        try
        {
            await next(context);
        }
        finally
        {
            context.RequestServices = hostServices;
        }
    }
}
