using Valhalla.Contracts;
using Valhalla.Contracts.Access;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;
using Valhalla.Testing.Fakes;

namespace Valhalla.Packs.Transactions.Tests.Csv;

/// <summary>The importer's answers and refusals in full, the lookups it makes once, and what it writes.</summary>
public sealed class TransactionImporterEdgeTests : IAsyncLifetime
{
    private const string Food = "bk_000000000001";
    private readonly ImportFixture _f = new();

    public Task InitializeAsync() => _f.InitializeAsync();

    public Task DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task A_refused_file_says_how_many_rows_are_invalid_and_the_first()
    {
        var problem = await Assert.ThrowsAsync<PackProblemException>(() => _f.ImportAsync("date,amount\n2026-01-15,-1\n2026-01-16,x\n2026-13-01,y\n"));

        Assert.Equal("The file has invalid rows; nothing was imported.", problem.Title);
        Assert.Equal("2 of 3 rows are invalid (first: line 3, amount: 'x' is not an amount: digits with at most two decimals after '.', e.g. -12.50.). " +
            "Fix them, preview with dry_run=true, or send skip_invalid=true to import the valid rows.", problem.Message);
    }

    [Fact]
    public async Task Errors_and_duplicates_are_listed_by_line_whichever_check_found_them()
    {
        _f.Ledger.Packs.Add<IBucketDirectory>(new Buckets());
        await _f.ImportAsync("date,amount,import_id\n2026-01-20,-4,OLD\n");
        const string csv = "date,amount,bucket_id,import_id\n2026-01-15,-1,bk_000000000009,A\n2026-01-16,x,,B\n2026-01-20,-4,,OLD\n2026-01-21,-5,,C\n2026-01-22,-5,,C\n";

        var preview = await _f.ImportAsync(csv, new ImportQuery { DryRun = true });

        Assert.Equal([(2, "bucket_id"), (3, "amount")], preview.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal([4, 6], preview.DuplicateRows.Select(d => d.Line));
        Assert.Equal((5, 1, 2, 2, 0), (preview.Rows, preview.ToCreate, preview.Duplicates, preview.Invalid, preview.VoidSkipped));
    }

    [Fact]
    public async Task A_line_with_two_bad_fields_is_one_invalid_row()
    {
        var preview = await _f.ImportAsync("date,amount\n2026-13-01,x\n2026-01-15,-1\n", new ImportQuery { DryRun = true });

        Assert.Equal((2, 1, 1), (preview.Errors.Count, preview.Invalid, preview.ToCreate));
    }

    [Fact]
    public async Task An_import_answers_its_counts_and_posts_an_event_per_row()
    {
        var imported = await _f.ImportAsync("date,amount,description,status\n2026-01-15,-12.50,Bread,posted\n2026-01-16,30,Refund,posted\n2026-01-17,-1,Gone,void\n");

        Assert.Equal((false, 3, 2, 2, 0, 0, 1), (imported.DryRun, imported.Rows, imported.ToCreate, imported.Created, imported.Duplicates, imported.Invalid, imported.VoidSkipped));
        Assert.Null(imported.Preview);
        var events = await _f.Ledger.EventsAsync();
        Assert.Equal([("transaction.posted", 1250L, "expense 2026-01-15 (import line 2)"), ("transaction.posted", 3000L, "income 2026-01-16 (import line 3)")],
            events.Select(e => (e.Kind, e.Amount!.Value.MinorUnits, e.Detail!)));
        var listed = (await _f.Ledger.ListAsync()).Items.OrderBy(t => t.Date).ToList();
        Assert.Equal([("expense", 1250L, "Bread", "B", "posted"), ("income", 3000L, "Refund", "B", "posted")],
            listed.Select(t => (t.TxType, t.Amount.MinorUnits, t.Description!, t.Priority, t.Status)));
        Assert.All(listed, t => Assert.Equal(_f.Ledger.Time.GetUtcNow(), t.CreatedAt));
    }

    [Fact]
    public async Task A_file_of_only_duplicates_writes_nothing()
    {
        await _f.ImportAsync("date,amount\n2026-01-15,-1\n");

        var again = await _f.ImportAsync("date,amount\n2026-01-15,-1\n");

        Assert.Equal((0, 1), (again.Created, again.Duplicates));
        Assert.Single(await _f.Ledger.EventsAsync());
    }

    [Fact]
    public async Task Turning_gating_off_without_an_admin_key_is_refused_saying_why()
    {
        var problem = await Assert.ThrowsAsync<PackProblemException>(() =>
            _f.ImportAsync("date,amount\n2026-01-15,-1\n", new ImportQuery { Gating = "off" }, new Caller("phone", AccessScope.Write)));
        var anonymous = await Assert.ThrowsAsync<PackProblemException>(() =>
            _f.Importer.ImportAsync(new StringReader("date,amount\n2026-01-15,-1\n"), ImportOptions.From(new ImportQuery { Gating = "off" }), null, default));

        Assert.Equal((403, "Only an admin key may turn gating off."), (problem.Status, problem.Title));
        Assert.Equal("gating=off posts expenses that obligations would hold back; import with an admin key, or leave gating on.", problem.Message);
        Assert.Equal(403, anonymous.Status);
        Assert.Equal(0, await _f.CountAsync());
    }

    [Fact]
    public async Task Gating_asks_once_per_month_and_refuses_only_discretionary_expenses_outside_essentials()
    {
        var obligations = new Uncovered();
        _f.Ledger.Packs.Add<IObligationsStatus>(obligations);
        _f.Ledger.Packs.Add<IBucketDirectory>(new Buckets());
        const string csv = "date,amount,priority,bucket_id\n" +
            "2026-01-15,-5,C,\n2026-01-16,-5,D,\n2026-02-01,-5,C,\n2026-01-17,-5,C,bk_000000000001\n2026-01-18,5,D,\n2026-01-19,-5,B,\n2026-01-20,-5,C,bk_000000000003\n";

        var preview = await _f.ImportAsync(csv, new ImportQuery { DryRun = true });

        Assert.Equal([(2, "priority"), (3, "priority"), (4, "priority"), (8, "priority")], preview.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal("priority: the obligations of 2026-01 are not covered yet, so a priority C expense is refused; " +
            "import it with priority A or B, to an essentials bucket, or with gating=off (admin key).", preview.Errors[0].Message);
        Assert.Equal([Month.Of(2026, 1), Month.Of(2026, 2)], obligations.Asked);
    }

    [Fact]
    public async Task Covered_months_let_discretionary_expenses_through()
    {
        _f.Ledger.Packs.Add<IObligationsStatus>(new Uncovered { Covered = true });

        var preview = await _f.ImportAsync("date,amount,priority\n2026-01-15,-5,D\n", new ImportQuery { DryRun = true });

        Assert.Equal((0, 1), (preview.Errors.Count, preview.ToCreate));
    }

    [Fact]
    public async Task Each_bucket_is_looked_up_once_and_its_refusal_names_it()
    {
        var buckets = new Buckets();
        _f.Ledger.Packs.Add<IBucketDirectory>(buckets);

        var preview = await _f.ImportAsync("date,amount,bucket_id\n2026-01-15,-1,bk_000000000002\n2026-01-16,-1,bk_000000000002\n2026-01-17,-1,bk_000000000009\n2026-01-18,-1,bk_000000000001\n",
            new ImportQuery { DryRun = true });

        Assert.Equal(["bucket_id: bucket 'Old' is archived; post to an active bucket.", "bucket_id: bucket 'Old' is archived; post to an active bucket.",
            "bucket_id: no bucket has id 'bk_000000000009'."], preview.Errors.Select(e => e.Message));
        Assert.Equal(["bk_000000000002", "bk_000000000009", "bk_000000000001"], buckets.Asked);
    }

    [Fact]
    public async Task The_ceiling_counts_what_is_posted_and_only_expenses_on_a_bucket()
    {
        await _f.Ledger.PostAsync(LedgerFixture.Expense(999999999m, bucket: Food));
        const string csv = "date,amount,bucket_id\n2026-01-15,-0.99,bk_000000000001\n2026-01-16,500,bk_000000000001\n2026-01-17,-0.01,bk_000000000001\n2026-01-18,-5,\n";

        var preview = await _f.ImportAsync(csv, new ImportQuery { DryRun = true });

        Assert.Equal([(4, "amount: bucket 'bk_000000000001' would hold more than 999999999.99 of expenses in 2026-01.")], preview.Errors.Select(e => (e.Line, e.Message)));
        Assert.Equal([2, 3, 5], preview.Preview!.Select(r => r.Line));
    }

    [Fact]
    public async Task The_store_refuses_rows_that_would_cross_the_ceiling_and_writes_none()
    {
        await _f.Ledger.PostAsync(LedgerFixture.Expense(999999999m, bucket: Food));
        var store = new ImportStore(_f.Ledger.Database, new LedgerChanges());
        ImportRow[] rows = [Row(2, "a", 0.99m, Food), Row(3, "b", 0.01m, Food, "2026-01-16")];

        var problem = await Assert.ThrowsAsync<PackProblemException>(() => store.InsertAsync(rows, _f.Ledger.Time.GetUtcNow(), Event, default));

        Assert.Equal("amount: bucket bk_000000000001 would hold more than 999999999.99 of expenses in 2026-01 (it held 999999999.00); nothing was imported.", problem.Message);
        Assert.Equal(1, await _f.CountAsync());
    }

    [Fact]
    public async Task The_store_leaves_out_and_returns_rows_already_posted_since_they_were_checked()
    {
        var store = new ImportStore(_f.Ledger.Database, new LedgerChanges());
        ImportRow[] first = [Row(2, "a", 1m, Food)];
        await store.InsertAsync(first, _f.Ledger.Time.GetUtcNow(), Event, default);

        var late = await store.InsertAsync([Row(2, "a", 1m, Food), Row(3, "b", 999999998.99m, Food), Row(4, "c", 2m, null, type: "income")], _f.Ledger.Time.GetUtcNow(), Event, default);

        Assert.Equal(["a"], late.Select(r => r.ImportId));
        Assert.Equal(3, await _f.CountAsync());
        Assert.Equal(["a", "b", "c"], await store.FindExistingAsync(["a", "b", "c", "d"], default) is var found ? found.Order(StringComparer.Ordinal) : []);
    }

    [Fact]
    public async Task Rows_posted_by_another_import_meanwhile_are_duplicates_listed_by_line_with_the_others()
    {
        await _f.ImportAsync("date,amount,import_id\n2026-01-10,-4,OLD\n");
        // The budget is asked after the ledger was searched for the file's ids and before the write: import C there.
        _f.Ledger.Packs.Add<IBucketDirectory>(new Interleaving(new Buckets(), () => _f.ImportAsync("date,amount,import_id\n2026-01-17,-3,C\n")));
        const string csv = "date,amount,bucket_id,import_id\n2026-01-15,-1,bk_000000000001,A\n2026-01-10,-4,,OLD\n2026-01-17,-3,,C\n2026-01-18,-2,,B\n2026-01-18,-2,,B\n";

        var imported = await _f.ImportAsync(csv);

        Assert.Equal((5, 2, 2, 3), (imported.Rows, imported.ToCreate, imported.Created, imported.Duplicates));
        Assert.Equal([(3, "OLD"), (4, "C"), (6, "B")], imported.DuplicateRows.Select(d => (d.Line, d.ImportId)));
        Assert.Equal(4, await _f.CountAsync());
    }

    [Fact]
    public async Task A_file_with_nothing_new_moves_no_stamp_and_imported_rows_get_transaction_ids()
    {
        await _f.ImportAsync("date,amount,bucket_id\n2026-01-15,-1,bk_000000000001\n");
        var before = (_f.Ledger.Changes.Payments, _f.Ledger.Changes.Spending(Food));

        var again = await _f.ImportAsync("date,amount,bucket_id\n2026-01-15,-1,bk_000000000001\n");

        Assert.Equal(0, again.Created);
        Assert.Equal(before, (_f.Ledger.Changes.Payments, _f.Ledger.Changes.Spending(Food)));
        Assert.True(PrefixedId.IsValid((await _f.Ledger.ListAsync()).Items.Single().Id, "tx"));
    }

    [Fact]
    public async Task A_row_on_an_unknown_bucket_is_refused_for_its_bucket_without_asking_about_obligations()
    {
        var obligations = new Uncovered();
        _f.Ledger.Packs.Add<IObligationsStatus>(obligations);
        _f.Ledger.Packs.Add<IBucketDirectory>(new Buckets());

        var preview = await _f.ImportAsync("date,amount,priority,bucket_id\n2026-01-15,-5,D,bk_000000000009\n", new ImportQuery { DryRun = true });

        Assert.Equal([(2, "bucket_id")], preview.Errors.Select(e => (e.Line, e.Field)));
        Assert.Empty(obligations.Asked);
    }

    [Fact]
    public async Task The_ceiling_counts_what_is_posted_in_the_files_first_and_last_months()
    {
        await _f.Ledger.PostAsync(LedgerFixture.Expense(999999999.50m, "2026-01-05", bucket: Food));
        await _f.Ledger.PostAsync(LedgerFixture.Expense(999999999.50m, "2026-03-05", bucket: Food));
        const string csv = "date,amount,bucket_id\n2026-01-15,-1,bk_000000000001\n2026-02-15,-1,bk_000000000001\n2026-03-15,-1,bk_000000000001\n";

        var preview = await _f.ImportAsync(csv, new ImportQuery { DryRun = true });

        Assert.Equal([(2, "amount"), (4, "amount")], preview.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal([3], preview.Preview!.Select(r => r.Line));
    }

    [Theory]
    [InlineData("2026-01")]
    [InlineData("2026-03")]
    public async Task The_store_counts_what_is_posted_in_the_files_first_and_last_months(string full)
    {
        await _f.Ledger.PostAsync(LedgerFixture.Expense(999999999.50m, full + "-05", bucket: Food));
        var store = new ImportStore(_f.Ledger.Database, new LedgerChanges());
        ImportRow[] rows = [Row(2, "a", 1m, Food, "2026-01-15"), Row(3, "b", 1m, Food, "2026-02-15"), Row(4, "c", 1m, Food, "2026-03-15")];

        var problem = await Assert.ThrowsAsync<PackProblemException>(() => store.InsertAsync(rows, _f.Ledger.Time.GetUtcNow(), Event, default));

        Assert.Equal($"amount: bucket bk_000000000001 would hold more than 999999999.99 of expenses in {full} (it held 999999999.50); nothing was imported.", problem.Message);
        Assert.Equal(1, await _f.CountAsync());
    }

    private MoneyEvent Event(ImportRow row, string id) =>
        new MoneyEvents(new FakePackContext("P-BUDGET-2"), _f.Ledger.Time).Create("transaction.posted", id, row.Amount, null);

    private static ImportRow Row(int line, string id, decimal amount, string? bucket, string date = "2026-01-15", string type = "expense") =>
        new(line, id, type, Money.FromDecimal(amount), DateOnly.Parse(date), null, bucket, "B");

    private sealed class Uncovered : IObligationsStatus
    {
        public bool Covered { get; init; }

        public List<Month> Asked { get; } = [];

        public Task<bool> AreCoveredAsync(Month month, CancellationToken cancellationToken = default)
        {
            Asked.Add(month);
            return Task.FromResult(Covered);
        }
    }

    private sealed class Interleaving(IBucketDirectory inner, Func<Task> once) : IBucketDirectory
    {
        private Func<Task>? _once = once;

        public async Task<BucketInfo?> FindAsync(string bucketId, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _once, null) is { } interleave)
            {
                await interleave();
            }

            return await inner.FindAsync(bucketId, cancellationToken);
        }
    }

    private sealed class Buckets : IBucketDirectory
    {
        public List<string> Asked { get; } = [];

        public Task<BucketInfo?> FindAsync(string bucketId, CancellationToken cancellationToken = default)
        {
            Asked.Add(bucketId);
            return Task.FromResult(bucketId switch
            {
                "bk_000000000001" => new BucketInfo(bucketId, "Food", BucketTypes.Essentials, true),
                "bk_000000000002" => new BucketInfo(bucketId, "Old", BucketTypes.Essentials, false),
                "bk_000000000003" => new BucketInfo(bucketId, "Fun", "variable", true),
                _ => null,
            });
        }
    }
}
