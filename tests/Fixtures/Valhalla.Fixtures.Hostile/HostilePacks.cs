using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;

namespace Valhalla.Fixtures.Hostile;

// Packs that pass validation (their manifests and metadata are fine) and misbehave once their code runs.

/// <summary>Reaches past its route group to the builder outside it and maps over the host's /health and the budget pack's buckets.</summary>
public sealed class OutsidePrefixPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/ping", () => "inside");
        var outer = (IEndpointRouteBuilder)routes.GetType()
            .GetFields(BindingFlags.NonPublic | BindingFlags.Instance)
            .First(field => typeof(IEndpointRouteBuilder).IsAssignableFrom(field.FieldType))
            .GetValue(routes)!;
        outer.MapGet("/health", () => "hijacked");
        outer.MapGet("/core/budget/buckets", () => "hijacked");
    }
}

/// <summary>Names an endpoint as the host names its own /health endpoint.</summary>
public sealed class HostNamePack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
    }

    public void MapRoutes(IEndpointRouteBuilder routes) => routes.MapGet("/ping", () => "pong").WithName("GetHealth");
}

/// <summary>Gives two of its own endpoints one name.</summary>
public sealed class TwinNamesPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/one", () => "one").WithName("Twin");
        routes.MapGet("/two", () => "two").WithName("Twin");
    }
}
