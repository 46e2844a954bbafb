using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;
using Valhalla.Contracts.Services;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Obligations;

/// <summary>P-OBLIG-1: what must be paid and when, whether it is (from the ledger), and the coverage that gates spending.</summary>
public sealed class ObligationsPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
        DapperTypeHandlers.Register();
        services.AddMoneyEvents();
        services.AddSingleton<ChangeCounter>();
        services.AddSingleton<ObligationStore>();
        services.AddSingleton<ObligationService>();
        services.AddSingleton<ObligationMonths>();
        services.AddSingleton<IObligationsStatus, ObligationsStatus>();
        context.Export<IObligationsStatus>();
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        // /months first: it must not be read as an obligation id.
        routes.MapMonthsApi();
        routes.MapObligationsApi();
        routes.MapObligationsPage();
    }
}
