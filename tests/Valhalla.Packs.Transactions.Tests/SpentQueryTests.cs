using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Valhalla.Contracts.Stores;
using Valhalla.Contracts.Values;
using Valhalla.Host.Stores;
using Valhalla.Packs.Kit;
using Valhalla.Testing;
using Valhalla.Testing.Fakes;

namespace Valhalla.Packs.Transactions.Tests;

/// <summary>The spent-per-bucket-per-month export on a real SQLite file.</summary>
public sealed class SpentQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 1, 31, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private SqlitePackDatabase _database = null!;
    private readonly MoneyEvents _events = new(new FakePackContext("P-BUDGET-2"), TimeProvider.System);
    private TransactionStore _store = null!;

    public async Task InitializeAsync()
    {
        DapperTypeHandlers.Register();
        SqlMapper.AddTypeHandler(new LinksTypeHandler());
        _database = await SqlitePackDatabase.OpenAsync("transactions/transactions.db", _temp.Combine("transactions.db"),
            Migration.FromEmbeddedResources(typeof(TransactionsPack).Assembly), NullLogger.Instance);
        _store = new TransactionStore(_database, new LedgerChanges());
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Spent_sums_posted_expenses_per_bucket_and_month_and_ignores_income_voids_and_other_months()
    {
        await InsertAsync("expense", 120.50m, "2026-01-05", "bk_aaaaaaaaaaaa");
        await InsertAsync("expense", 10m, "2026-01-31", "bk_aaaaaaaaaaaa");
        await InsertAsync("expense", 7m, "2026-02-01", "bk_aaaaaaaaaaaa");
        await InsertAsync("expense", 3m, "2026-01-15", "bk_bbbbbbbbbbbb");
        await InsertAsync("income", 3000m, "2026-01-01", "bk_aaaaaaaaaaaa");
        await InsertAsync("expense", 99m, "2026-01-02", null);
        var voided = await InsertAsync("expense", 50m, "2026-01-20", "bk_aaaaaaaaaaaa");
        await _store.VoidAsync(voided.Id, null, Now, t => _events.Create("transaction.voided", t.Id, t.Amount), default);
        await InsertAsync("expense", 1m, "2025-12-31", "bk_aaaaaaaaaaaa");

        var january = await _store.SpentAsync(Month.Of(2026, 1), Month.Of(2026, 1), default);
        var both = await _store.SpentAsync(Month.Of(2026, 1), Month.Of(2026, 2), default);

        Assert.Equal(
            [("bk_aaaaaaaaaaaa", 13050L), ("bk_bbbbbbbbbbbb", 300L)],
            january.OrderBy(s => s.BucketId).Select(s => (s.BucketId, s.Spent.MinorUnits)));
        Assert.Equal(3, both.Count);
        Assert.Contains(both, s => s.Month == Month.Of(2026, 2) && s.Spent == Money.FromDecimal(7));
    }

    [Fact]
    public async Task Spent_is_one_range_scan_of_the_covering_index_without_a_sort()
    {
        var plan = await _database.ReadAsync(async (connection, ct) =>
            (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(new CommandDefinition(
                "EXPLAIN QUERY PLAN " + TransactionStore.SpentSql,
                new { From = "2026-01", To = "2026-01" }, cancellationToken: ct))).Select(r => r.Detail).ToList(), default);

        var scan = Assert.Single(plan, d => d.Contains("transactions", StringComparison.Ordinal));
        Assert.Contains("USING COVERING INDEX ix_transactions_spent_by_month (<expr>>? AND <expr><?)", scan);
        Assert.DoesNotContain(plan, d => d.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    private async Task<Transaction> InsertAsync(string type, decimal amount, string date, string? bucket)
    {
        var transaction = new Transaction
        {
            Id = PrefixedId.New("tx"),
            TxType = type,
            Amount = Money.FromDecimal(amount),
            Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            BucketId = bucket,
            Priority = "B",
            Status = "posted",
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        await _store.InsertAsync(transaction, null, null, Now, _events.Create("transaction.posted", transaction.Id, transaction.Amount), default);
        return transaction;
    }
}
