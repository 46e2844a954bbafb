using System.Text;
using Valhalla.Contracts.Access;
using Valhalla.Packs.Kit;
using Valhalla.Testing.Fakes;

namespace Valhalla.Packs.Transactions.Tests.Csv;

/// <summary>The ledger of <see cref="LedgerFixture"/> with its CSV importer and export.</summary>
public sealed class ImportFixture : IAsyncLifetime
{
    public static readonly Caller Owner = new("owner", AccessScope.Admin);

    public LedgerFixture Ledger { get; } = new();

    public TransactionImporter Importer { get; private set; } = null!;

    public TransactionExport Export { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Ledger.InitializeAsync();
        var store = new TransactionStore(Ledger.Database, Ledger.Changes);
        Importer = new TransactionImporter(new ImportStore(Ledger.Database, Ledger.Changes), store, Ledger.Packs,
            new MoneyEvents(new FakePackContext("P-BUDGET-2"), Ledger.Time), Ledger.Time);
        Export = new TransactionExport(Ledger.Database);
    }

    public Task DisposeAsync() => Ledger.DisposeAsync();

    public Task<ImportResult> ImportAsync(string csv, ImportQuery? query = null, Caller? caller = null) =>
        Importer.ImportAsync(new StringReader(csv), ImportOptions.From(query ?? new ImportQuery()), caller ?? Owner, default);

    public async Task<int> CountAsync() => (await Ledger.ListAsync()).Total;

    public async Task<string> ExportAsync()
    {
        using var body = new MemoryStream();
        await Export.WriteAsync(CsvExportResult.For(new TransactionQuery()).Filter, body, default);
        return Encoding.UTF8.GetString(body.ToArray());
    }
}
