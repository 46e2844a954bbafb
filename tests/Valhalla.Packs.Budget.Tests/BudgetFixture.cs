using Microsoft.Extensions.Logging.Abstractions;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Stores;
using Valhalla.Contracts.Values;
using Valhalla.Host.Stores;
using Valhalla.Packs.Kit;
using Valhalla.Testing;
using Valhalla.Testing.Fakes;

namespace Valhalla.Packs.Budget.Tests;

/// <summary>The budget service on a real SQLite file, with a settable clock, ledger and audit sink.</summary>
public sealed class BudgetFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private SqlitePackDatabase _database = null!;

    public SettableTime Time { get; } = new(new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero));

    public FakeLedger Ledger { get; } = new();

    /// <summary>The budget's outbox, where its money events wait for delivery.</summary>
    public OutboxReader Outbox { get; private set; } = null!;

    public FakePackServices Packs { get; } = new();

    public BudgetService Budget { get; private set; } = null!;

    /// <summary>The budget's change stamp, which its store moves on after each write.</summary>
    public ChangeCounter Changes { get; } = new();

    /// <summary>What the budget exports to the obligations pack.</summary>
    public BucketBalances Balances => new(Budget, Changes);

    public IPackDatabase Database => _database;

    public async Task InitializeAsync()
    {
        DapperTypeHandlers.Register();
        _database = await SqlitePackDatabase.OpenAsync("budget/budget.db", _temp.Combine("budget", "budget.db"),
            Migration.FromEmbeddedResources(typeof(BudgetPack).Assembly), NullLogger.Instance);
        Packs.Add<ISpendingLedger>(Ledger);
        Outbox = new OutboxReader(_database);
        Budget = new BudgetService(new BudgetStore(_database, Changes), Packs, new MoneyEvents(new FakePackContext("P-BUDGET-1"), Time), Time);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _temp.Dispose();
    }

    public Task<Bucket> CreateAsync(string name, string type = "variable", decimal limit = 100, string priority = "B", bool rollover = false) =>
        Budget.CreateAsync(new CreateBucket(name, type, Money.FromDecimal(limit), priority, rollover), default);

    public Task<MonthSnapshot> SnapshotAsync(string month) => Budget.SnapshotAsync(BucketRules.Month(month, "month"), default);

    public async Task<BucketMonth> LineAsync(string month, Bucket bucket) =>
        (await SnapshotAsync(month)).Buckets.Single(b => b.BucketId == bucket.Id);
}

public sealed class SettableTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

public sealed class FakeLedger : ISpendingLedger
{
    private readonly List<BucketSpend> _spends = [];

    public void Spend(Bucket bucket, string month, decimal amount) =>
        _spends.Add(new BucketSpend(bucket.Id, Month.Parse(month), Money.FromDecimal(amount)));

    public Task<IReadOnlyList<BucketSpend>> GetSpentAsync(Month from, Month to, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<BucketSpend>>([.. _spends.Where(s => s.Month >= from && s.Month <= to)]);
}
