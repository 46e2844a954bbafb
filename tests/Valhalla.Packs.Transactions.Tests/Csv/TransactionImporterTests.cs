using Valhalla.Contracts;
using Valhalla.Contracts.Access;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions.Tests.Csv;

/// <summary>Importing into a real ledger: duplicates, all or nothing, dry runs, the rules of a post, and the export's round trip.</summary>
public sealed class TransactionImporterTests : IAsyncLifetime
{
    private const string Mixed = "\uFEFFdate,amount,description\n" +
        "2026-01-15,-12.50,\"Groceries, weekly\"\n" +
        "2026-13-01,-3,Bad date\n" +
        "2026-01-16,12.345,Bad amount\n" +
        "2026-01-17,-3.20,Coffee\n" +
        "2026-01-17,-3.20,Coffee\n" +
        "2026-01-31,2500,Salary\n";

    private readonly ImportFixture _f = new();

    public Task InitializeAsync() => _f.InitializeAsync();

    public Task DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task A_dry_run_names_each_bad_line_and_stores_nothing()
    {
        var preview = await _f.ImportAsync(Mixed, new ImportQuery { DryRun = true });

        Assert.Equal((true, 6, 4, 0, 2), (preview.DryRun, preview.Rows, preview.ToCreate, preview.Created, preview.Invalid));
        Assert.Equal([(3, "date"), (4, "amount")], preview.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal([2, 5, 6, 7], preview.Preview!.Select(r => r.Line));
        Assert.Equal(0, await _f.CountAsync());
        Assert.Empty(await _f.Ledger.EventsAsync());
    }

    [Fact]
    public async Task Invalid_rows_refuse_the_whole_file_unless_skip_invalid()
    {
        var problem = await Assert.ThrowsAsync<PackProblemException>(() => _f.ImportAsync(Mixed));

        Assert.Equal(400, problem.Status);
        Assert.Equal([3, 4], ((IReadOnlyList<ImportError>)problem.Extensions!["invalid_rows"]!).Select(e => e.Line));
        Assert.Equal(0, await _f.CountAsync());

        var imported = await _f.ImportAsync(Mixed, new ImportQuery { SkipInvalid = true });

        Assert.Equal((4, 2), (imported.Created, imported.Invalid));
        Assert.Equal(4, await _f.CountAsync());
        Assert.Equal(4, (await _f.Ledger.EventsAsync()).Count(e => e.Kind == "transaction.posted"));
    }

    [Fact]
    public async Task Importing_the_same_file_again_creates_nothing()
    {
        await _f.ImportAsync(Mixed, new ImportQuery { SkipInvalid = true });

        var again = await _f.ImportAsync(Mixed, new ImportQuery { SkipInvalid = true });

        Assert.Equal((0, 4), (again.Created, again.Duplicates));
        Assert.Equal([2, 5, 6, 7], again.DuplicateRows.Select(d => d.Line));
        Assert.Equal(4, await _f.CountAsync());
    }

    [Fact]
    public async Task An_import_moves_the_ledgers_change_stamps()
    {
        var payments = _f.Ledger.Changes.Payments;

        await _f.ImportAsync("date,amount,description\n2026-01-17,-3.20,Coffee\n");

        Assert.NotEqual(payments, _f.Ledger.Changes.Payments);
    }

    [Fact]
    public async Task A_file_that_overlaps_the_last_one_adds_only_the_new_rows()
    {
        await _f.ImportAsync("date,amount,description\n2026-01-17,-3.20,Coffee\n2026-01-18,-9,Lunch\n");

        var next = await _f.ImportAsync("date,amount,description\n2026-01-17,-3.20,Coffee\n2026-01-18,-9,Lunch\n2026-01-17,-3.20,Coffee\n2026-01-19,-1,Bus\n");

        Assert.Equal((2, 2), (next.Created, next.Duplicates));
        Assert.Equal(4, await _f.CountAsync());
    }

    [Fact]
    public async Task An_export_imported_back_creates_nothing_even_for_posted_transactions()
    {
        await _f.Ledger.PostAsync(LedgerFixture.Expense(19.99m, description: "Posted, by hand"));
        await _f.ImportAsync(Mixed, new ImportQuery { SkipInvalid = true });
        var export = await _f.ExportAsync();

        var again = await _f.ImportAsync(export);

        Assert.StartsWith("import_id,date,tx_type,amount,description,bucket_id,priority,links,status,id\r\n", export);
        Assert.Contains("\"Posted, by hand\"", export);
        Assert.Equal((5, 0, 5), (again.Rows, again.Created, again.Duplicates));
        Assert.Equal(5, await _f.CountAsync());
    }

    [Fact]
    public async Task An_exported_obligation_payment_is_still_linked_after_an_import_into_an_empty_ledger()
    {
        await _f.Ledger.PostAsync(LedgerFixture.Expense(120m, description: "Rent") with { Links = new TxLinks(ObligationId: "ob_rent00000001") });
        await _f.Ledger.PostAsync(LedgerFixture.Expense(4m, description: "Coffee"));
        var export = await _f.ExportAsync();
        var fresh = new ImportFixture();
        await fresh.InitializeAsync();
        try
        {
            var restored = await fresh.ImportAsync(export);

            Assert.Equal(2, restored.Created);
            Assert.Contains("\"{\"\"obligation_id\"\":\"\"ob_rent00000001\"\"}\"", export);
            var payment = Assert.Single(await new ObligationPayments(fresh.Ledger.Database, new LedgerChanges()).GetPaymentsAsync(["ob_rent00000001"], new(2026, 1, 1), new(2026, 1, 31)));
            Assert.Equal(12000, payment.Amount.MinorUnits);
            Assert.Equal((0, 2), ((await _f.ImportAsync(export)).Created, await _f.CountAsync()));
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_links_cell_that_is_not_a_links_object_is_an_error_on_its_line()
    {
        var preview = await _f.ImportAsync(
            "date,amount,links\n2026-01-17,-3.20,\"{\"\"obligation_id\"\":\"\"ob_1\"\"}\"\n2026-01-18,-9,not json\n2026-01-19,-9,\"{\"\"obligaton_id\"\":\"\"ob_1\"\"}\"\n",
            new ImportQuery { DryRun = true });

        Assert.Equal([(3, "links"), (4, "links")], preview.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal("ob_1", Assert.Single(preview.Preview!).Links?.ObligationId);
    }

    [Fact]
    public async Task An_export_restores_the_same_ledger_into_an_empty_one()
    {
        await _f.Ledger.PostAsync(LedgerFixture.Expense(19.99m, bucket: "bk_abcdefabcdef", description: "Cinema") with { Priority = "D" });
        await _f.ImportAsync(Mixed, new ImportQuery { SkipInvalid = true });
        var export = await _f.ExportAsync();
        var fresh = new ImportFixture();
        await fresh.InitializeAsync();
        try
        {
            var restored = await fresh.ImportAsync(export);

            Assert.Equal(5, restored.Created);
            Assert.Equal(Lines(export), Lines(await fresh.ExportAsync()));
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    [Fact]
    public async Task Exported_amounts_are_exact()
    {
        await _f.ImportAsync("date,amount\n2026-01-15,-0.05\n2026-01-15,999999999.99\n2026-01-15,-10\n");

        var amounts = (await _f.ExportAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[3]);

        Assert.Equal(["0.05", "10.00", "999999999.99"], amounts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Gating_holds_back_c_and_d_expenses_and_only_an_admin_may_turn_it_off()
    {
        _f.Ledger.Packs.Add<IObligationsStatus>(new Uncovered());
        const string csv = "date,amount,priority\n2026-01-15,-5,D\n2026-01-15,-6,A\n";

        var preview = await _f.ImportAsync(csv, new ImportQuery { DryRun = true });
        var refused = await Assert.ThrowsAsync<PackProblemException>(() => _f.ImportAsync(csv, new ImportQuery { Gating = "off" }, new Caller("phone", AccessScope.Write)));
        var imported = await _f.ImportAsync(csv, new ImportQuery { Gating = "off" });

        Assert.Equal((2, "priority"), (preview.Errors.Single().Line, preview.Errors.Single().Field));
        Assert.Equal(403, refused.Status);
        Assert.Equal(2, imported.Created);
    }

    [Fact]
    public async Task Unknown_and_archived_buckets_are_errors_on_their_lines()
    {
        _f.Ledger.Packs.Add<IBucketDirectory>(new Buckets());
        const string csv = "date,amount,bucket_id\n2026-01-15,-5,bk_000000000001\n2026-01-15,-6,bk_000000000002\n2026-01-15,-7,bk_000000000003\n";

        var preview = await _f.ImportAsync(csv, new ImportQuery { DryRun = true });

        Assert.Equal([(3, "bucket_id"), (4, "bucket_id")], preview.Errors.Select(e => (e.Line, e.Field)));
    }

    [Fact]
    public async Task A_file_that_would_fill_a_bucket_month_past_the_ceiling_refuses_the_crossing_row()
    {
        var preview = await _f.ImportAsync(
            "date,amount,bucket_id\n2026-01-15,-999999999.99,bk_000000000001\n2026-01-16,-0.01,bk_000000000001\n2026-02-01,-1,bk_000000000001\n",
            new ImportQuery { DryRun = true });

        Assert.Equal((3, "amount"), (preview.Errors.Single().Line, preview.Errors.Single().Field));
        Assert.Equal(2, preview.ToCreate);
    }

    private static string[] Lines(string csv) =>
        [.. csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => string.Join(',', l.Split(',')[..^1])).Order()];

    private sealed class Uncovered : IObligationsStatus
    {
        public Task<bool> AreCoveredAsync(Month month, CancellationToken cancellationToken = default) => Task.FromResult(false);
    }

    private sealed class Buckets : IBucketDirectory
    {
        public Task<BucketInfo?> FindAsync(string bucketId, CancellationToken cancellationToken = default) => Task.FromResult(bucketId switch
        {
            "bk_000000000001" => new BucketInfo(bucketId, "Food", BucketTypes.Essentials, true),
            "bk_000000000002" => new BucketInfo(bucketId, "Old", BucketTypes.Essentials, false),
            _ => null,
        });
    }
}
