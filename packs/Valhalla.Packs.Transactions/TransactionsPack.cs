using Dapper;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Obligations;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>P-BUDGET-2: the household ledger — income and expenses, void, obligation gating, audit events.</summary>
public sealed class TransactionsPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
        DapperTypeHandlers.Register();
        SqlMapper.AddTypeHandler(new LinksTypeHandler());
        services.AddSingleton<LedgerChanges>();
        services.AddSingleton<TransactionStore>();
        services.AddMoneyEvents();
        services.AddSingleton<TransactionService>();
        services.AddCsvImportExport();
        services.AddSingleton<ISpendingLedger, SpendingLedger>();
        services.AddSingleton<IObligationPayments, ObligationPayments>();
        context.Export<ISpendingLedger>();
        context.Export<IObligationPayments>();
    }

    public void MapRoutes(IEndpointRouteBuilder routes) => routes.MapTransactionsApi().MapTransactionsCsvApi().MapLedgerPage();
}
