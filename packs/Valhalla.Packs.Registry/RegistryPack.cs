using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;

namespace Valhalla.Packs.Registry;

public sealed class RegistryPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
    }
}
