using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts.Stores;

namespace Valhalla.Contracts;

/// <summary>
/// The entry type of a pack, named by <c>router_symbol</c> in <c>pack.json</c>. It must be a public,
/// concrete class with a public parameterless constructor. The host calls, in order:
/// <see cref="GetMigrations"/> for each data path, <see cref="ConfigureServices"/>, then
/// <see cref="MapRoutes"/>.
/// </summary>
public interface IPack
{
    /// <summary>
    /// Registers the pack's services into its own service collection. The collection is already
    /// seeded with what the host offers packs: logging, <see cref="TimeProvider"/>,
    /// <see cref="Services.IPackServices"/>, <see cref="Catalog.IPackCatalog"/>, the
    /// <see cref="IPackContext"/>, <c>IHttpContextAccessor</c> (the request being served, for its
    /// caller) and, when the pack declares exactly one data path, its
    /// <see cref="IPackDatabase"/>.
    /// </summary>
    void ConfigureServices(IServiceCollection services, IPackContext context);

    /// <summary>
    /// Maps the pack's routes. <paramref name="routes"/> is already under the manifest's
    /// <c>route_prefix</c>, so a pack with prefix <c>/core/budget</c> maps <c>/buckets</c>.
    /// </summary>
    void MapRoutes(IEndpointRouteBuilder routes);

    /// <summary>
    /// The numbered migrations for one of the pack's data paths, applied in order by the host.
    /// By default, the <c>Migrations/NNN_name.sql</c> files embedded in the pack's assembly.
    /// </summary>
    IReadOnlyList<Migration> GetMigrations(string dataPath) =>
        Migration.FromEmbeddedResources(GetType().Assembly);
}
