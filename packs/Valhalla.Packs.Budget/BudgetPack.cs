using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;
using Valhalla.Contracts.Budget;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Budget;

/// <summary>P-BUDGET-1: household buckets, monthly allocations, month snapshots with rollover.</summary>
public sealed class BudgetPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
        DapperTypeHandlers.Register();
        services.AddSingleton<BudgetStore>();
        services.AddMoneyEvents();
        services.AddSingleton<ChangeCounter>();
        services.AddSingleton<BudgetService>();
        services.AddSingleton<IBucketDirectory, BucketDirectory>();
        services.AddSingleton<IBucketBalances, BucketBalances>();
        context.Export<IBucketDirectory>();
        context.Export<IBucketBalances>();
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapBucketsApi();
        routes.MapMonthsApi();
        routes.MapMonthPage();
    }
}
