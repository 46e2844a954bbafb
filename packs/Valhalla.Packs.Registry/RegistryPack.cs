using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Registry;

/// <summary>P-PACKS-1: lists, registers and validates packs.</summary>
public sealed class RegistryPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
        DapperTypeHandlers.Register();
        services.AddSingleton<RegistryStore>();
        services.AddSingleton<RegistryService>();
    }

    public void MapRoutes(IEndpointRouteBuilder routes) => routes.MapPacksApi().MapPacksPage();
}
