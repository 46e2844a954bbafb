using Valhalla.Contracts;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions.Tests;

/// <summary>The ledger's edges: the ceiling of a bucket's month, the last month there is, listing and voiding.</summary>
public sealed class LedgerLimitsTests : IAsyncLifetime
{
    private const string Bucket = "bk_0123456789ab";
    private const string Other = "bk_ba9876543210";

    private readonly LedgerFixture _f = new();

    public Task InitializeAsync() => _f.InitializeAsync();

    public Task DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task A_buckets_month_holds_expenses_up_to_the_ceiling_and_refuses_one_cent_more()
    {
        var max = Money.MaxAmount.ToDecimal();
        await _f.PostAsync(LedgerFixture.Expense(max - 1, bucket: Bucket));
        await _f.PostAsync(LedgerFixture.Expense(1, bucket: Bucket));

        var over = await Assert.ThrowsAsync<PackProblemException>(() => _f.PostAsync(LedgerFixture.Expense(0.01m, bucket: Bucket)));

        Assert.Equal((400, "amount"), (over.Status, over.Field));
        Assert.Contains($"{Money.MaxAmount} of expenses in 2026-01; one bucket's month holds at most {Money.MaxAmount}.", over.Message);
        var spent = await new SpendingLedger(new TransactionStore(_f.Database, new LedgerChanges())).GetSpentAsync(Month.Of(2026, 1), Month.Of(2026, 1));
        Assert.Equal(Money.MaxAmount, spent.Single().Spent);
        Assert.Equal(2, (await _f.ListAsync()).Total);
    }

    [Fact]
    public async Task The_ceiling_is_per_bucket_per_month_for_posted_expenses_only()
    {
        var max = Money.MaxAmount.ToDecimal();
        var full = await _f.PostAsync(LedgerFixture.Expense(max, bucket: Bucket));

        await _f.PostAsync(LedgerFixture.Expense(max, "2026-02-01", Bucket));
        await _f.PostAsync(LedgerFixture.Expense(max, bucket: Other));
        await _f.PostAsync(LedgerFixture.Expense(max));
        await _f.PostAsync(new PostTransaction("income", Money.MaxAmount, "2026-01-15", BucketId: Bucket));
        await _f.Ledger.VoidAsync(full.Transaction.Id, null, default);
        await _f.PostAsync(LedgerFixture.Expense(max, bucket: Bucket));

        Assert.Equal(6, (await _f.ListAsync()).Total);
    }

    [Fact]
    public async Task The_last_month_there_is_can_be_listed_and_posted_to()
    {
        var last = await _f.PostAsync(LedgerFixture.Expense(5, "9999-12-31", Bucket));
        await _f.PostAsync(LedgerFixture.Expense(5, "9999-11-30", Bucket));

        var december = await _f.ListAsync(month: "9999-12");

        Assert.Equal([last.Transaction.Id], december.Items.Select(t => t.Id));
        Assert.Equal(1, december.Total);
    }

    [Fact]
    public async Task Listing_filters_pages_newest_first_and_counts_every_match()
    {
        var older = await _f.PostAsync(LedgerFixture.Expense(1, "2026-01-02", Bucket));
        var newer = await _f.PostAsync(LedgerFixture.Expense(2, "2026-01-30", Bucket));
        var elsewhere = await _f.PostAsync(LedgerFixture.Expense(3, "2026-01-10", Other));
        var income = await _f.PostAsync(new PostTransaction("income", Money.FromDecimal(9), "2026-01-05"));
        var february = await _f.PostAsync(LedgerFixture.Expense(4, "2026-02-01", Bucket));
        await _f.Ledger.VoidAsync(elsewhere.Transaction.Id, null, default);

        var page = await _f.ListAsync(bucket: Bucket, limit: 2, offset: 1);
        var january = await _f.ListAsync(month: "2026-01");

        Assert.Equal([newer.Transaction.Id, older.Transaction.Id], page.Items.Select(t => t.Id));
        Assert.Equal((3, 2, 1), (page.Total, page.Limit, page.Offset));
        Assert.Equal([february.Transaction.Id], (await _f.ListAsync(bucket: Bucket, limit: 1)).Items.Select(t => t.Id));
        Assert.Equal(4, january.Total);
        Assert.Equal([income.Transaction.Id], (await _f.ListAsync(type: "income")).Items.Select(t => t.Id));
        Assert.Equal([elsewhere.Transaction.Id], (await _f.ListAsync(status: "void")).Items.Select(t => t.Id));
        Assert.Equal(50, (await _f.ListAsync(limit: null)).Limit);
        Assert.Equal([elsewhere.Transaction.Id], (await _f.ListAsync(type: "expense", status: "void", bucket: Other, month: "2026-01")).Items.Select(t => t.Id));
        Assert.Empty((await _f.ListAsync(type: "income", status: "void")).Items);
    }

    [Theory]
    [InlineData("transfer", null, null, null, "tx_type")]
    [InlineData(null, "gone", null, null, "status")]
    [InlineData(null, null, "groceries", null, "bucket_id")]
    [InlineData(null, null, null, "2026-13", "month")]
    public async Task A_bad_filter_is_a_400_naming_it(string? type, string? status, string? bucket, string? month, string field)
    {
        var problem = await Assert.ThrowsAsync<PackProblemException>(() => _f.ListAsync(type, status, bucket, month));

        Assert.Equal((400, field), (problem.Status, problem.Field));
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_voiding_twice_is_a_409_saying_when()
    {
        var posted = await _f.PostAsync(LedgerFixture.Expense(5));
        var voided = await _f.Ledger.VoidAsync(posted.Transaction.Id, new VoidTransaction("typo"), default);
        _f.Time.Advance(TimeSpan.FromHours(1));

        var twice = await Assert.ThrowsAsync<PackProblemException>(() => _f.Ledger.VoidAsync(posted.Transaction.Id, null, default));
        var unknownVoid = await Assert.ThrowsAsync<PackProblemException>(() => _f.Ledger.VoidAsync("tx_000000000000", null, default));
        var unknownGet = await Assert.ThrowsAsync<PackProblemException>(() => _f.Ledger.GetAsync("tx_000000000000", default));

        Assert.Equal(409, twice.Status);
        Assert.NotEmpty(twice.Title);
        Assert.Contains(Timestamps.Format(_f.Time.GetUtcNow().AddHours(-1)), twice.Message);
        Assert.Equal((404, 404), (unknownVoid.Status, unknownGet.Status));
        Assert.Equal(("Unknown transaction.", "Unknown transaction."), (unknownVoid.Title, unknownGet.Title));
        Assert.Equal(voided, await _f.Ledger.GetAsync(posted.Transaction.Id, default));
        Assert.Equal(("void", "typo", (DateTimeOffset?)posted.Transaction.CreatedAt), (voided.Status, voided.VoidReason, voided.VoidedAt));
        Assert.Equal(["transaction.posted", "transaction.voided"], (await _f.EventsAsync()).Select(e => e.Kind));
    }

    [Fact]
    public async Task A_posted_transaction_is_stored_as_given_with_defaults_filled()
    {
        var links = new TxLinks(ObligationId: "ob_1", DealId: "d");
        var posted = await _f.PostAsync(new PostTransaction("expense", Money.FromDecimal(12.34m), "2026-01-15", "lunch", Bucket, Links: links));

        var stored = await _f.Ledger.GetAsync(posted.Transaction.Id, default);

        Assert.Equal(posted.Transaction, stored);
        Assert.Equal(("B", "posted", links, "lunch"), (stored.Priority, stored.Status, stored.Links, stored.Description));
        Assert.Equal(_f.Time.GetUtcNow(), stored.CreatedAt);
        Assert.True(PrefixedId.IsValid(stored.Id, "tx"));
        var audited = Assert.Single(await _f.EventsAsync());
        Assert.Equal((stored.Id, (Money?)stored.Amount, "expense 2026-01-15"), (audited.SubjectId, audited.Amount, audited.Detail));
    }
}
