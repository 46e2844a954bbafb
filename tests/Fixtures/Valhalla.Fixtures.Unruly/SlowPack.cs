using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;

namespace Valhalla.Fixtures.Unruly;

/// <summary>A pack whose handler waits until the request is cancelled (the client gives up, or the host's timeout).</summary>
public sealed class SlowPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/ping", () => "pong");
        routes.MapGet("/hold", async (CancellationToken ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return "never";
        });
    }
}
