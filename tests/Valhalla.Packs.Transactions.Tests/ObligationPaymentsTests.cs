using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Valhalla.Contracts.Stores;
using Valhalla.Contracts.Values;
using Valhalla.Host.Stores;
using Valhalla.Packs.Kit;
using Valhalla.Testing;
using Valhalla.Testing.Fakes;

namespace Valhalla.Packs.Transactions.Tests;

/// <summary>The payments-by-obligation export on a real SQLite file.</summary>
public sealed class ObligationPaymentsTests : IAsyncLifetime
{
    private const string Rent = "ob_aaaaaaaaaaaa";
    private const string Power = "ob_bbbbbbbbbbbb";
    private static readonly DateTimeOffset Now = new(2026, 1, 31, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private readonly MoneyEvents _events = new(new FakePackContext("P-BUDGET-2"), TimeProvider.System);
    private SqlitePackDatabase _database = null!;
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
    public async Task Payments_are_the_posted_expenses_linked_to_the_obligations_in_the_range()
    {
        var paid = await InsertAsync("expense", 500m, "2026-01-03", Rent);
        var second = await InsertAsync("expense", 450m, "2026-01-10", Rent);
        var power = await InsertAsync("expense", 80m, "2026-01-12", Power);
        await InsertAsync("expense", 1m, "2026-01-04", "ob_cccccccccccc");
        await InsertAsync("income", 950m, "2026-01-05", Rent);
        await InsertAsync("expense", 950m, "2026-02-01", Rent);
        await InsertAsync("expense", 20m, "2026-01-06", null);
        var voided = await InsertAsync("expense", 950m, "2026-01-07", Rent);
        await _store.VoidAsync(voided.Id, null, Now, t => _events.Create("transaction.voided", t.Id, t.Amount), default);

        var payments = await new ObligationPayments(_database, new LedgerChanges()).GetPaymentsAsync([Rent, Power], new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));

        Assert.Equal(
            [(Rent, paid.Id, 50000L), (Rent, second.Id, 45000L), (Power, power.Id, 8000L)],
            payments.Select(p => (p.ObligationId, p.TransactionId, p.Amount.MinorUnits)));
        Assert.Equal(new DateOnly(2026, 1, 3), payments[0].Date);
    }

    [Fact]
    public async Task No_obligation_ids_have_no_payments()
    {
        await InsertAsync("expense", 500m, "2026-01-03", Rent);

        var payments = await new ObligationPayments(_database, new LedgerChanges()).GetPaymentsAsync([], DateOnly.MinValue, DateOnly.MaxValue);

        Assert.Empty(payments);
    }

    [Fact]
    public async Task Payments_are_read_through_the_obligation_index()
    {
        var plan = await _database.ReadAsync(async (connection, ct) =>
            (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(new CommandDefinition(
                "EXPLAIN QUERY PLAN " + ObligationPayments.Sql,
                new { Ids = new[] { Rent, Power }, From = "2026-01-01", To = "2026-01-31" }, cancellationToken: ct))).Select(r => r.Detail).ToList(), default);

        var scan = Assert.Single(plan, d => d.Contains("transactions", StringComparison.Ordinal));
        Assert.StartsWith("SEARCH transactions USING INDEX ix_transactions_obligation (<expr>=? AND date>? AND date<?)", scan);
    }

    private async Task<Transaction> InsertAsync(string type, decimal amount, string date, string? obligation)
    {
        var transaction = new Transaction
        {
            Id = PrefixedId.New("tx"),
            TxType = type,
            Amount = Money.FromDecimal(amount),
            Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            Priority = "A",
            Links = obligation is null ? null : new TxLinks(ObligationId: obligation),
            Status = "posted",
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        await _store.InsertAsync(transaction, null, null, Now, _events.Create("transaction.posted", transaction.Id, transaction.Amount), default);
        return transaction;
    }
}
