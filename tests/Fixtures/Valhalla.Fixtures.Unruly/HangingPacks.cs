using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;

namespace Valhalla.Fixtures.Unruly;

// Entry types whose calls never return. They sleep rather than spin: an abandoned thread must not
// burn a core of the machine the tests share.

/// <summary>ConfigureServices never returns.</summary>
public sealed class HangingConfigurePack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context) => Thread.Sleep(Timeout.Infinite);

    public void MapRoutes(IEndpointRouteBuilder routes) => routes.MapGet("/ping", () => "pong");
}

/// <summary>The constructor never returns.</summary>
public sealed class HangingConstructorPack : IPack
{
    public HangingConstructorPack() => Thread.Sleep(Timeout.Infinite);

    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
    }

    public void MapRoutes(IEndpointRouteBuilder routes) => routes.MapGet("/ping", () => "pong");
}

/// <summary>MapRoutes never returns.</summary>
public sealed class HangingRoutesPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
    }

    public void MapRoutes(IEndpointRouteBuilder routes) => Thread.Sleep(Timeout.Infinite);
}

/// <summary>Serves, but a service of its container never returns from Dispose: unloading and shutting down must go on.</summary>
public sealed class HangingDisposePack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context) => services.AddSingleton<Stubborn>();

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        // Created now, so the container owns it and disposes it with the pack.
        routes.ServiceProvider.GetRequiredService<Stubborn>();
        routes.MapGet("/ping", () => "pong");
    }
}

/// <summary>A service whose Dispose never returns.</summary>
public sealed class Stubborn : IDisposable
{
    public void Dispose() => Thread.Sleep(Timeout.Infinite);
}
