using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Transactions.Tests;

/// <summary>The ledger's change stamps move on with exactly the writes that can change what they cover.</summary>
public sealed class LedgerChangesTests : IAsyncLifetime
{
    private const string Bills = "bk_bbbbbbbbbbbb";
    private const string Fun = "bk_ffffffffffff";
    private const string Rent = "ob_aaaaaaaaaaaa";
    private readonly LedgerFixture _f = new();

    public Task InitializeAsync() => _f.InitializeAsync();

    public Task DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task An_expense_moves_its_bucket_spending_stamp_and_nothing_else()
    {
        var (bills, fun, payments) = (_f.Changes.Spending(Bills), _f.Changes.Spending(Fun), _f.Changes.Payments);

        await _f.PostAsync(LedgerFixture.Expense(12m, bucket: Fun));

        Assert.NotEqual(fun, _f.Changes.Spending(Fun));
        Assert.Equal((bills, payments), (_f.Changes.Spending(Bills), _f.Changes.Payments));
    }

    [Fact]
    public async Task Posting_and_voiding_a_payment_each_move_the_payments_stamp_and_its_bucket()
    {
        var before = (_f.Changes.Payments, _f.Changes.Spending(Bills));

        var posted = await _f.PostAsync(new PostTransaction("expense", Money.FromDecimal(950m), "2026-01-01", BucketId: Bills, Links: new TxLinks(ObligationId: Rent)));
        var afterPost = (_f.Changes.Payments, _f.Changes.Spending(Bills));
        await _f.Ledger.VoidAsync(posted.Transaction.Id, null, default);
        var afterVoid = (_f.Changes.Payments, _f.Changes.Spending(Bills));

        Assert.NotEqual(before.Payments, afterPost.Payments);
        Assert.NotEqual(before.Item2, afterPost.Item2);
        Assert.NotEqual(afterPost.Payments, afterVoid.Payments);
        Assert.NotEqual(afterPost.Item2, afterVoid.Item2);
    }

    [Fact]
    public async Task Voiding_an_unknown_transaction_moves_nothing()
    {
        var before = (_f.Changes.Payments, _f.Changes.Spending(Bills));

        await Assert.ThrowsAnyAsync<Exception>(() => _f.Ledger.VoidAsync("tx_000000000000", null, default));

        Assert.Equal(before, (_f.Changes.Payments, _f.Changes.Spending(Bills)));
    }

    [Fact]
    public void A_write_of_unknown_effect_moves_every_stamp()
    {
        var before = (_f.Changes.Payments, _f.Changes.Spending(Bills));

        _f.Changes.TouchedAll();

        Assert.NotEqual(before.Payments, _f.Changes.Payments);
        Assert.NotEqual(before.Item2, _f.Changes.Spending(Bills));
    }

    [Fact]
    public void A_write_of_an_unknown_transaction_moves_every_stamp()
    {
        var before = (_f.Changes.Payments, _f.Changes.Spending(Bills));

        _f.Changes.Touched(null);

        Assert.NotEqual(before.Payments, _f.Changes.Payments);
        Assert.NotEqual(before.Item2, _f.Changes.Spending(Bills));
    }

    [Fact]
    public async Task A_void_whose_write_fails_before_it_read_the_row_moves_every_stamp()
    {
        var posted = await _f.PostAsync(LedgerFixture.Expense(12m, bucket: Fun));
        var store = new TransactionStore(_f.Database, _f.Changes);
        var before = (_f.Changes.Payments, _f.Changes.Spending(Bills));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            store.VoidAsync(posted.Transaction.Id, null, _f.Time.GetUtcNow(), _ => throw new InvalidOperationException("not reached"), new CancellationToken(canceled: true)));

        Assert.NotEqual(before.Payments, _f.Changes.Payments);
        Assert.NotEqual(before.Item2, _f.Changes.Spending(Bills));
        Assert.Equal("posted", (await _f.Ledger.GetAsync(posted.Transaction.Id, default)).Status);
    }

    [Fact]
    public async Task A_void_whose_write_fails_after_it_read_the_row_moves_that_rows_stamps()
    {
        var posted = await _f.PostAsync(LedgerFixture.Expense(12m, bucket: Fun));
        var store = new TransactionStore(_f.Database, _f.Changes);
        var before = (_f.Changes.Payments, _f.Changes.Spending(Bills), _f.Changes.Spending(Fun));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.VoidAsync(posted.Transaction.Id, null, _f.Time.GetUtcNow(), _ => throw new InvalidOperationException("no event"), default));

        Assert.Equal((before.Payments, before.Item2), (_f.Changes.Payments, _f.Changes.Spending(Bills)));
        Assert.NotEqual(before.Item3, _f.Changes.Spending(Fun));
        Assert.Equal("posted", (await _f.Ledger.GetAsync(posted.Transaction.Id, default)).Status);
    }

    [Fact]
    public void A_new_ledger_instance_never_repeats_an_old_stamp()
    {
        Assert.NotEqual(new LedgerChanges().Payments, new LedgerChanges().Payments);
    }
}
