using Dapper;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;

namespace ValhallaPack._1;

/// <summary>
/// The pack's entry type, named by router_symbol in pack.json. The host creates it with its
/// parameterless constructor, applies the embedded Migrations/*.sql to each data path, then calls
/// <see cref="ConfigureServices"/> and <see cref="MapRoutes"/>.
/// </summary>
public sealed class Pack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
        // snake_case columns map onto PascalCase properties without AS aliases; this is static state of
        // the pack's own Dapper copy (its load context), so it affects no other pack.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        services.AddSingleton<NoteStore>(); // the pack's IPackDatabase is registered already: it has one data path
    }

    public void MapRoutes(IEndpointRouteBuilder routes) => routes.MapPackApi();
}
