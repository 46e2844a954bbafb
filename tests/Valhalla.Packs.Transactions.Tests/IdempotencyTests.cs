using Dapper;
using Valhalla.Contracts;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions.Tests;

/// <summary>Idempotency keys replay for 30 days, then are free again and purged, cheaply, on later writes.</summary>
public sealed class IdempotencyTests : IAsyncLifetime
{
    private readonly LedgerFixture _f = new();

    public Task InitializeAsync() => _f.InitializeAsync();

    public Task DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task The_same_key_with_another_body_is_a_422_naming_the_first_transaction()
    {
        var first = await _f.PostAsync(LedgerFixture.Expense(5), "k");

        var problem = await Assert.ThrowsAsync<PackProblemException>(() => _f.PostAsync(LedgerFixture.Expense(6), "k"));

        Assert.Equal(422, problem.Status);
        Assert.NotEmpty(problem.Title);
        Assert.Contains(first.Transaction.Id, problem.Message);
        Assert.Single((await _f.ListAsync()).Items);
    }

    [Fact]
    public async Task A_retry_on_the_last_day_of_the_period_still_replays()
    {
        var first = await _f.PostAsync(LedgerFixture.Expense(5), "k");
        _f.Time.Advance(TransactionService.IdempotencyKeyLifetime);

        var retry = await _f.PostAsync(LedgerFixture.Expense(5), "k");

        Assert.Equal((true, first.Transaction), (retry.Replayed, retry.Transaction));
        Assert.False(first.Replayed);
        Assert.Single((await _f.ListAsync()).Items);
        Assert.Single(await _f.EventsAsync());
    }

    [Fact]
    public async Task After_30_days_the_key_is_free_for_a_new_transaction_even_with_another_body()
    {
        var first = await _f.PostAsync(LedgerFixture.Expense(5), "k");
        _f.Time.Advance(TransactionService.IdempotencyKeyLifetime + TimeSpan.FromMilliseconds(1));

        var second = await _f.PostAsync(LedgerFixture.Expense(6), "k");
        var retryOfSecond = await _f.PostAsync(LedgerFixture.Expense(6), "k");

        Assert.False(second.Replayed);
        Assert.NotEqual(first.Transaction.Id, second.Transaction.Id);
        Assert.Equal(second.Transaction, retryOfSecond.Transaction);
        Assert.True(retryOfSecond.Replayed);
        Assert.Equal(2, (await _f.ListAsync()).Total);
    }

    [Fact]
    public async Task Expired_keys_are_purged_by_a_later_write_and_the_transactions_stay()
    {
        await _f.PostAsync(LedgerFixture.Expense(1), "old-1");
        await _f.PostAsync(LedgerFixture.Expense(2), "old-2");
        _f.Time.Advance(TimeSpan.FromDays(20));
        await _f.PostAsync(LedgerFixture.Expense(3), "recent");
        _f.Time.Advance(TimeSpan.FromDays(11));

        await _f.PostAsync(LedgerFixture.Expense(4));

        Assert.Equal(1, await _f.CountKeysAsync());
        Assert.Equal(4, (await _f.ListAsync()).Total);
    }

    [Fact]
    public async Task A_purge_deletes_at_most_one_batch_and_the_next_write_goes_on_until_none_is_left()
    {
        await _f.PostAsync(LedgerFixture.Expense(1), "seed");
        await SeedKeysAsync(TransactionService.PurgeBatch + 10);
        _f.Time.Advance(TimeSpan.FromDays(31));

        await _f.PostAsync(LedgerFixture.Expense(2));
        var afterFirst = await _f.CountKeysAsync();
        await _f.PostAsync(LedgerFixture.Expense(3));
        var afterSecond = await _f.CountKeysAsync();

        Assert.Equal(11, afterFirst);
        Assert.Equal(0, afterSecond);
    }

    [Fact]
    public async Task Purging_runs_at_most_once_an_hour()
    {
        await _f.PostAsync(LedgerFixture.Expense(1), "a"); // the first write purges (nothing yet) and sets the next purge an hour on
        _f.Time.Advance(TransactionService.IdempotencyKeyLifetime - TimeSpan.FromMinutes(30));
        await _f.PostAsync(LedgerFixture.Expense(2), "b");
        _f.Time.Advance(TimeSpan.FromMinutes(31)); // "a" expired, but the last purge was less than an hour ago

        await _f.PostAsync(LedgerFixture.Expense(3));
        var before = await _f.CountKeysAsync();
        _f.Time.Advance(TimeSpan.FromMinutes(29)); // exactly an hour after the last purge
        await _f.PostAsync(LedgerFixture.Expense(4));

        Assert.Equal(2, before);
        Assert.Equal(1, await _f.CountKeysAsync());
    }

    [Fact]
    public async Task A_description_typed_in_another_normal_form_is_the_same_request()
    {
        var first = await _f.PostAsync(LedgerFixture.Expense(5, description: "Caf\u00e9"), "k");

        var retry = await _f.PostAsync(LedgerFixture.Expense(5, description: "Cafe\u0301"), "k");

        Assert.True(retry.Replayed);
        Assert.Equal("Caf\u00e9", first.Transaction.Description);
    }

    private Task SeedKeysAsync(int count) =>
        _f.Database.WriteAsync(async (connection, tx, ct) =>
        {
            var txId = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT id FROM transactions LIMIT 1", transaction: tx, cancellationToken: ct));
            return await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO idempotency_keys (key, request_hash, tx_id, created_at) VALUES (@Key, 'h', @TxId, '2026-01-01T00:00:00.000Z')",
                Enumerable.Range(0, count).Select(i => new { Key = $"seeded-{i}", TxId = txId }), tx, cancellationToken: ct));
        });
}
