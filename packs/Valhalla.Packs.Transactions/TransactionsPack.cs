using Dapper;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;
using Valhalla.Contracts.Budget;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>P-BUDGET-2: the household ledger — income and expenses, void, obligation gating, audit events.</summary>
public sealed class TransactionsPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
        DapperTypeHandlers.Register();
        SqlMapper.AddTypeHandler(new LinksTypeHandler());
        services.AddSingleton<TransactionStore>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<TransactionService>();
        services.AddSingleton<ISpendingLedger, SpendingLedger>();
        context.Export<ISpendingLedger>();
    }

    public void MapRoutes(IEndpointRouteBuilder routes) => routes.MapTransactionsApi();
}
