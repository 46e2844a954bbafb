using Microsoft.Extensions.DependencyInjection;

namespace Valhalla.Packs.Transactions;

/// <summary>Registers CSV import and export.</summary>
public static class CsvServices
{
    public static IServiceCollection AddCsvImportExport(this IServiceCollection services) =>
        services.AddSingleton<ImportStore>().AddSingleton<TransactionImporter>().AddSingleton<TransactionExport>();
}
