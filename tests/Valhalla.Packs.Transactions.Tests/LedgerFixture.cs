using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Stores;
using Valhalla.Contracts.Values;
using Valhalla.Host.Stores;
using Valhalla.Packs.Kit;
using Valhalla.Testing;
using Valhalla.Testing.Fakes;

namespace Valhalla.Packs.Transactions.Tests;

/// <summary>The ledger service on a real SQLite file, with a fake clock and an audit sink.</summary>
public sealed class LedgerFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private SqlitePackDatabase _database = null!;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));

    public FakePackServices Packs { get; } = new();

    /// <summary>The money events the ledger wrote to its outbox, oldest first.</summary>
    public Task<IReadOnlyList<MoneyEvent>> EventsAsync() => new OutboxReader(_database).PeekAsync(1000);

    public TransactionService Ledger { get; private set; } = null!;

    /// <summary>The ledger's change stamps, which its store moves on after each write.</summary>
    public LedgerChanges Changes { get; } = new();

    public IPackDatabase Database => _database;

    public async Task InitializeAsync()
    {
        DapperTypeHandlers.Register();
        SqlMapper.AddTypeHandler(new LinksTypeHandler());
        _database = await SqlitePackDatabase.OpenAsync("transactions/transactions.db", _temp.Combine("transactions.db"),
            Migration.FromEmbeddedResources(typeof(TransactionsPack).Assembly), NullLogger.Instance);
        Ledger = new TransactionService(new TransactionStore(_database, Changes), Packs,
            new MoneyEvents(new FakePackContext("P-BUDGET-2"), Time), Time);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _temp.Dispose();
    }

    public static PostTransaction Expense(decimal amount, string date = "2026-01-15", string? bucket = null, string? description = null) =>
        new("expense", Money.FromDecimal(amount), date, description, bucket);

    public Task<Posted> PostAsync(PostTransaction input, string? key = null) => Ledger.PostAsync(input, key, default);

    public Task<TransactionPage> ListAsync(
        string? type = null, string? status = null, string? bucket = null, string? month = null, int? limit = 500, int? offset = null) =>
        Ledger.ListAsync(
            TransactionsApi.Filter(new TransactionQuery { TxType = type, Status = status, BucketId = bucket, Month = month, Limit = limit, Offset = offset }), default);

    public Task<long> CountKeysAsync() =>
        _database.ReadAsync((connection, ct) => connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM idempotency_keys", cancellationToken: ct)));
}
