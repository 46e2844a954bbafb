using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Obligations;
using Valhalla.Contracts.Stores;
using Valhalla.Contracts.Values;
using Valhalla.Host.Stores;
using Valhalla.Packs.Kit;
using Valhalla.Testing;
using Valhalla.Testing.Fakes;

namespace Valhalla.Packs.Obligations.Tests;

/// <summary>The obligations services on a real SQLite file, with a settable clock, request and fake exports.</summary>
public sealed class ObligationsFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private SqlitePackDatabase _database = null!;

    public SettableTime Time { get; } = new(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));

    public FakePackServices Packs { get; } = new();

    public HttpContextAccessor Http { get; } = new();

    public ChangeCounter Changes { get; } = new();

    public FakePayments Payments { get; } = new();

    public FakeBalances Balances { get; } = new();

    public ObligationService Obligations { get; private set; } = null!;

    public ObligationMonths Months { get; private set; } = null!;

    public OutboxReader Outbox { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        DapperTypeHandlers.Register();
        _database = await SqlitePackDatabase.OpenAsync("obligations/obligations.db", _temp.Combine("obligations.db"),
            Migration.FromEmbeddedResources(typeof(ObligationsPack).Assembly), NullLogger.Instance);
        var store = new ObligationStore(_database, Changes);
        Obligations = new ObligationService(store, Packs, new MoneyEvents(new FakePackContext("P-OBLIG-1"), Time, Http), Time);
        Months = new ObligationMonths(store, Packs, Time, Changes);
        Outbox = new OutboxReader(_database);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _temp.Dispose();
    }

    public Task<Obligation> MonthlyAsync(string name, decimal amount, int day, string? bucket = null, string start = "2026-03-01") =>
        Obligations.CreateAsync(new CreateObligation(name, new RecurrenceInput("monthly", Day: day, StartDate: start), Money.FromDecimal(amount), BucketId: bucket), default);
}

public sealed class SettableTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

public sealed class FakePayments : IObligationPayments
{
    public List<ObligationPayment> Payments { get; } = [];

    public List<(DateOnly From, DateOnly To)> Asked { get; } = [];

    public void Pay(Obligation obligation, string date, decimal amount) =>
        Payments.Add(new ObligationPayment(obligation.Id, PrefixedId.New("tx"), DateOnly.Parse(date), Money.FromDecimal(amount)));

    public Task<IReadOnlyList<ObligationPayment>> GetPaymentsAsync(
        IReadOnlyCollection<string> obligationIds, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        Asked.Add((from, to));
        return Task.FromResult<IReadOnlyList<ObligationPayment>>([.. Payments.Where(p => obligationIds.Contains(p.ObligationId) && p.Date >= from && p.Date <= to)]);
    }
}

public sealed class FakeBalances : IBucketBalances
{
    public Dictionary<string, Money> Remaining { get; } = [];

    public List<Month> Asked { get; } = [];

    public Task<IReadOnlyList<BucketBalance>> GetRemainingAsync(Month month, CancellationToken cancellationToken = default)
    {
        Asked.Add(month);
        return Task.FromResult<IReadOnlyList<BucketBalance>>([.. Remaining.Select(r => new BucketBalance(r.Key, r.Value))]);
    }
}

public sealed class FakeBuckets : IBucketDirectory
{
    public Dictionary<string, BucketInfo> Buckets { get; } = [];

    public Task<BucketInfo?> FindAsync(string bucketId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Buckets.GetValueOrDefault(bucketId));
}
