using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;
using Valhalla.Contracts.Stores;

namespace Valhalla.Fixtures.Packs;

// Entry types for the edges of the validator's metadata checks. Like BrokenPacks, none may ever run.

/// <summary>A pack through its base class only: IPack is declared on <see cref="AbstractPack"/>.</summary>
public sealed class DerivedPack : AbstractPack
{
    public DerivedPack() => throw new InvalidOperationException("must not run");
}

/// <summary>Implements an interface of its own assembly, not IPack.</summary>
public interface ILocalPack
{
    void MapRoutes(IEndpointRouteBuilder routes);
}

/// <summary>Implements <see cref="ILocalPack"/>, which looks like IPack but is not from the contracts.</summary>
public sealed class LocalInterfacePack : ILocalPack
{
    public LocalInterfacePack() => throw new InvalidOperationException("must not run");

    public void MapRoutes(IEndpointRouteBuilder routes) => throw new InvalidOperationException("must not run");
}

/// <summary>Implements a contracts interface in IPack's namespace that is not IPack.</summary>
public sealed class ContextNotAPack : IPackContext
{
    public ContextNotAPack() => throw new InvalidOperationException("must not run");

    public PackManifest Manifest => throw new InvalidOperationException("must not run");

    public IPackDatabase GetDatabase(string dataPath) => throw new InvalidOperationException("must not run");

    public void Export<TService>()
        where TService : class => throw new InvalidOperationException("must not run");
}

/// <summary>Has a parameterless constructor, but a private one.</summary>
public sealed class PrivateConstructorPack : IPack
{
    private PrivateConstructorPack() => throw new InvalidOperationException("must not run");

    public static PrivateConstructorPack Create() => new();

    public void ConfigureServices(IServiceCollection services, IPackContext context) => throw new InvalidOperationException("must not run");

    public void MapRoutes(IEndpointRouteBuilder routes) => throw new InvalidOperationException("must not run");
}

/// <summary>The root of a chain of base classes: Deep31 is 31 classes below it, Deep32 is 32.</summary>
public class Deep0 : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context) => throw new InvalidOperationException("must not run");

    public void MapRoutes(IEndpointRouteBuilder routes) => throw new InvalidOperationException("must not run");
}

public class Deep1 : Deep0;

public class Deep2 : Deep1;

public class Deep3 : Deep2;

public class Deep4 : Deep3;

public class Deep5 : Deep4;

public class Deep6 : Deep5;

public class Deep7 : Deep6;

public class Deep8 : Deep7;

public class Deep9 : Deep8;

public class Deep10 : Deep9;

public class Deep11 : Deep10;

public class Deep12 : Deep11;

public class Deep13 : Deep12;

public class Deep14 : Deep13;

public class Deep15 : Deep14;

public class Deep16 : Deep15;

public class Deep17 : Deep16;

public class Deep18 : Deep17;

public class Deep19 : Deep18;

public class Deep20 : Deep19;

public class Deep21 : Deep20;

public class Deep22 : Deep21;

public class Deep23 : Deep22;

public class Deep24 : Deep23;

public class Deep25 : Deep24;

public class Deep26 : Deep25;

public class Deep27 : Deep26;

public class Deep28 : Deep27;

public class Deep29 : Deep28;

public class Deep30 : Deep29;

public class Deep31 : Deep30;

public class Deep32 : Deep31;
