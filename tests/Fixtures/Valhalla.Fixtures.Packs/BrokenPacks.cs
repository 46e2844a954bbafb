using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;

namespace Valhalla.Fixtures.Packs;

// One entry type per validation failure class. None of them may ever run: the validator reads
// them from metadata only, and each constructor throws to prove it.

/// <summary>Abstract: cannot be instantiated.</summary>
public abstract class AbstractPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context) => throw new InvalidOperationException("must not run");

    public void MapRoutes(IEndpointRouteBuilder routes) => throw new InvalidOperationException("must not run");
}

/// <summary>Not public.</summary>
internal sealed class InternalPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context) => throw new InvalidOperationException("must not run");

    public void MapRoutes(IEndpointRouteBuilder routes) => throw new InvalidOperationException("must not run");
}

/// <summary>Does not implement IPack.</summary>
public sealed class NotAPack
{
    public NotAPack() => throw new InvalidOperationException("must not run");
}

/// <summary>Has no parameterless constructor.</summary>
public sealed class NoDefaultConstructorPack(string name) : IPack
{
    public string Name { get; } = name;

    public void ConfigureServices(IServiceCollection services, IPackContext context) => throw new InvalidOperationException("must not run");

    public void MapRoutes(IEndpointRouteBuilder routes) => throw new InvalidOperationException("must not run");
}

/// <summary>Valid, but throws while configuring its services: the host must mark it failed and go on.</summary>
public sealed class ThrowingPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context) =>
        throw new InvalidOperationException("ThrowingPack refuses to configure.");

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
    }
}

/// <summary>Valid metadata, but maps the same route twice: ambiguous at request time, so refused at load.</summary>
public sealed class DuplicateRoutesPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        // The analyzer rightly flags this at compile time; a pack built elsewhere may not have it on.
#pragma warning disable ASP0022
        routes.MapGet("/same", () => "first");
        routes.MapGet("/same", () => "second");
#pragma warning restore ASP0022
    }
}
