using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Valhalla.Contracts;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Stores;
using Valhalla.Contracts.Values;
using Valhalla.Host.Stores;
using Valhalla.Packs.Kit;
using Valhalla.Testing;
using Valhalla.Testing.Fakes;

namespace Valhalla.Packs.Transactions.Tests;

/// <summary>
/// The service's rules without HTTP: bucket check and obligation gating against fake exports
/// (what the budget and an obligations pack would offer), and audit events, on a real SQLite file.
/// </summary>
public sealed class TransactionServiceTests : IAsyncLifetime
{
    private const string Essentials = "bk_eeeeeeeeeeee";
    private const string Fun = "bk_ffffffffffff";
    private const string Archived = "bk_aaaaaaaaaaaa";

    private readonly TempDirectory _temp = new();
    private readonly FakePackServices _packs = new();
    private readonly FakeBuckets _buckets = new();
    private readonly FakeObligations _obligations = new();
    private SqlitePackDatabase _database = null!;
    private TransactionStore _store = null!;
    private TransactionService _ledger = null!;

    public async Task InitializeAsync()
    {
        DapperTypeHandlers.Register();
        SqlMapper.AddTypeHandler(new LinksTypeHandler());
        _database = await SqlitePackDatabase.OpenAsync("transactions/transactions.db", _temp.Combine("transactions.db"),
            Migration.FromEmbeddedResources(typeof(TransactionsPack).Assembly), NullLogger.Instance);
        _store = new TransactionStore(_database, new LedgerChanges());
        _buckets.Add(new BucketInfo(Essentials, "Groceries", BucketTypes.Essentials, IsActive: true));
        _buckets.Add(new BucketInfo(Fun, "Fun", "fun", IsActive: true));
        _buckets.Add(new BucketInfo(Archived, "Old", "variable", IsActive: false));
        var time = TimeProvider.System;
        _ledger = new TransactionService(_store, _packs, new MoneyEvents(new FakePackContext("P-BUDGET-2"), time), time);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _temp.Dispose();
    }

    public static TheoryData<string, string, string?, bool> GatingCases => new()
    {
        // tx_type, priority, bucket, refused while obligations are not covered
        { "expense", "C", Fun, true },
        { "expense", "D", Fun, true },
        { "expense", "D", null, true },
        { "expense", "C", Essentials, false },
        { "expense", "D", Essentials, false },
        { "expense", "A", Fun, false },
        { "expense", "B", null, false },
        { "income", "D", Fun, false },
        { "income", "C", null, false },
    };

    [Theory]
    [MemberData(nameof(GatingCases))]
    public async Task Gating_with_the_budget_refuses_only_low_priority_non_essential_expenses_while_uncovered(
        string type, string priority, string? bucket, bool refused)
    {
        _packs.Add<IBucketDirectory>(_buckets);
        _packs.Add<IObligationsStatus>(_obligations);
        _obligations.Covered = false;

        var attempt = () => PostAsync(type, priority, bucket);

        if (refused)
        {
            var problem = await Assert.ThrowsAsync<PackProblemException>(attempt);
            Assert.Equal((409, "Obligations come first."), (problem.Status, problem.Title));
            Assert.Contains($"The obligations of 2026-01 are not covered yet, so a priority {priority} expense is refused.", problem.Message);
            Assert.EndsWith("Cover the obligations first, post it with priority A or B, or post it to an essentials bucket.", problem.Message);
            Assert.Empty(await AllAsync());
            Assert.Equal([Month.Of(2026, 1)], _obligations.Asked);
        }
        else
        {
            await attempt();
            Assert.Single(await AllAsync());
        }
    }

    [Theory]
    [MemberData(nameof(GatingCases))]
    public async Task Everything_is_allowed_when_obligations_are_covered_or_no_provider_is_loaded_and_only_gated_posts_ask(
        string type, string priority, string? bucket, bool refusedWhileUncovered)
    {
        _packs.Add<IBucketDirectory>(_buckets);
        _packs.Add<IObligationsStatus>(_obligations);
        _obligations.Covered = true;
        await PostAsync(type, priority, bucket);

        _packs.Remove<IObligationsStatus>();
        await PostAsync(type, priority, bucket);

        Assert.Equal(2, (await AllAsync()).Count);
        // The provider is another pack's code: a post that cannot be gated does not call it.
        Assert.Equal(refusedWhileUncovered ? [Month.Of(2026, 1)] : [], _obligations.Asked);
    }

    [Fact]
    public async Task Without_the_budget_a_bucket_has_no_known_type_so_a_low_priority_expense_is_gated()
    {
        _packs.Add<IObligationsStatus>(_obligations);
        _obligations.Covered = false;

        var problem = await Assert.ThrowsAsync<PackProblemException>(() => PostAsync("expense", "C", Essentials));

        Assert.Equal(409, problem.Status);
    }

    [Fact]
    public async Task The_provider_is_asked_at_call_time()
    {
        _packs.Add<IObligationsStatus>(_obligations);
        _obligations.Covered = false;
        await Assert.ThrowsAsync<PackProblemException>(() => PostAsync("expense", "D", null));

        _packs.Remove<IObligationsStatus>();
        await PostAsync("expense", "D", null);

        Assert.Single(await AllAsync());
    }

    [Fact]
    public async Task With_the_budget_an_unknown_or_archived_bucket_is_a_400_naming_bucket_id()
    {
        _packs.Add<IBucketDirectory>(_buckets);

        var unknown = await Assert.ThrowsAsync<PackProblemException>(() => PostAsync("expense", "B", "bk_000000000000"));
        var archived = await Assert.ThrowsAsync<PackProblemException>(() => PostAsync("expense", "B", Archived));

        Assert.Equal((400, "bucket_id"), (unknown.Status, unknown.Field));
        Assert.Equal((400, "bucket_id"), (archived.Status, archived.Field));
        Assert.Contains("'bk_000000000000'", unknown.Message);
        Assert.Contains("bucket 'Old' is archived", archived.Message);
        Assert.Empty(await AllAsync());
    }

    [Fact]
    public async Task Without_the_budget_any_well_formed_bucket_id_is_stored_unchecked()
    {
        var posted = await PostAsync("expense", "B", "bk_123456789abc");

        Assert.Equal("bk_123456789abc", posted.BucketId);
        var malformed = await Assert.ThrowsAsync<PackProblemException>(() => PostAsync("expense", "B", "groceries"));
        Assert.Equal("bucket_id", malformed.Field);
    }

    [Fact]
    public async Task Posts_and_voids_write_their_events_to_the_outbox_with_the_change()
    {
        var audited = await PostAsync("expense", "B", null);
        await _ledger.VoidAsync(audited.Id, new VoidTransaction("typo"), default);

        var events = await new OutboxReader(_database).PeekAsync(10);

        Assert.Equal(["transaction.posted", "transaction.voided"], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal((audited.Id, "P-BUDGET-2"), (e.SubjectId, e.Pack)));
        Assert.Equal("typo", events[1].Detail);
        Assert.Equal(2, events.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_refused_post_writes_no_event_and_a_replayed_key_writes_one()
    {
        _packs.Add<IObligationsStatus>(_obligations);
        _obligations.Covered = false;
        await Assert.ThrowsAsync<PackProblemException>(() => PostAsync("expense", "D", null));
        var input = new PostTransaction("expense", Money.FromDecimal(5), "2026-01-05");

        var first = await _ledger.PostAsync(input, "k", default);
        var again = await _ledger.PostAsync(input, "k", default);

        Assert.True(again.Replayed);
        Assert.Equal(first.Transaction.Id, again.Transaction.Id);
        Assert.Equal(first.Transaction.Id, Assert.Single(await new OutboxReader(_database).PeekAsync(10)).SubjectId);
    }

    [Fact]
    public async Task An_expense_paying_an_obligation_is_never_gated()
    {
        _packs.Add<IObligationsStatus>(_obligations);
        _obligations.Covered = false;

        var payment = await _ledger.PostAsync(new PostTransaction("expense", Money.FromDecimal(950), "2026-01-15", BucketId: Fun, Priority: "D",
            Links: new TxLinks(ObligationId: "ob_0123456789ab")), null, default);

        Assert.Equal("posted", payment.Transaction.Status);
        Assert.Empty(_obligations.Asked);
    }

    [Fact]
    public async Task The_refusal_names_the_uncovered_obligations()
    {
        _packs.Add<IObligationsStatus>(_obligations);
        _obligations.Covered = false;
        _obligations.Uncovered = [new UncoveredObligation("ob_0123456789ab", "Rent", new DateOnly(2026, 1, 1), Money.FromDecimal(950), "unpaid")];

        var problem = await Assert.ThrowsAsync<PackProblemException>(() => PostAsync("expense", "D", null));

        Assert.Equal(409, problem.Status);
        Assert.Contains("Rent (due 2026-01-01, 950.00 outstanding, unpaid)", problem.Message);
        Assert.Equal(_obligations.Uncovered, problem.Extensions!["uncovered"]);
    }

    [Fact]
    public async Task The_refusal_says_why_in_full_with_or_without_obligations_named()
    {
        _packs.Add<IObligationsStatus>(_obligations);
        _obligations.Covered = false;
        var unnamed = await Assert.ThrowsAsync<PackProblemException>(() => PostAsync("expense", "C", null));
        _obligations.Uncovered =
        [
            new UncoveredObligation("ob_0123456789ab", "Rent", new DateOnly(2026, 1, 1), Money.FromDecimal(950), "unpaid"),
            new UncoveredObligation("ob_0123456789ac", "Power", new DateOnly(2026, 1, 10), Money.FromDecimal(60.5m), "underfunded"),
        ];

        var named = await Assert.ThrowsAsync<PackProblemException>(() => PostAsync("expense", "D", null));

        Assert.Equal("The obligations of 2026-01 are not covered yet, so a priority C expense is refused. " +
            "Cover the obligations first, post it with priority A or B, or post it to an essentials bucket.", unnamed.Message);
        Assert.Equal("The obligations of 2026-01 are not covered yet: Rent (due 2026-01-01, 950.00 outstanding, unpaid); " +
            "Power (due 2026-01-10, 60.50 outstanding, underfunded), so a priority D expense is refused. " +
            "Cover the obligations first, post it with priority A or B, or post it to an essentials bucket.", named.Message);
        Assert.Equal("Obligations come first.", named.Title);
    }

    [Fact]
    public async Task A_retry_replays_even_after_its_bucket_was_archived()
    {
        _packs.Add<IBucketDirectory>(_buckets);
        var input = new PostTransaction("expense", Money.FromDecimal(5), "2026-01-05", BucketId: Fun);
        var first = await _ledger.PostAsync(input, "k", default);
        _buckets.Add(new BucketInfo(Fun, "Fun", "fun", IsActive: false));

        var retry = await _ledger.PostAsync(input, "k", default);

        Assert.True(retry.Replayed);
        Assert.Equal(first.Transaction.Id, retry.Transaction.Id);
    }

    [Fact]
    public async Task A_concurrent_retry_that_lands_between_the_check_and_the_write_is_answered_as_a_replay()
    {
        var input = new PostTransaction("expense", Money.FromDecimal(5), "2026-01-05", BucketId: Fun);
        Posted? inner = null;
        // The budget is asked after the key was looked up and before the write: post the same request there.
        _packs.Add<IBucketDirectory>(new InterleavingBuckets(_buckets, async () => inner = await _ledger.PostAsync(input, "k", default)));

        var outer = await _ledger.PostAsync(input, "k", default);

        Assert.False(inner!.Replayed);
        Assert.True(outer.Replayed);
        Assert.Equal(inner.Transaction, outer.Transaction);
        Assert.Single(await AllAsync());
        Assert.Single(await new OutboxReader(_database).PeekAsync(10));
    }

    [Fact]
    public async Task The_store_itself_refuses_a_second_insert_under_a_live_key()
    {
        var now = TimeProvider.System.GetUtcNow();
        var first = await _ledger.PostAsync(new PostTransaction("expense", Money.FromDecimal(5), "2026-01-05"), "k", default);
        var racing = first.Transaction with { Id = PrefixedId.New("tx"), Amount = Money.FromDecimal(6) };

        var (inserted, hash, stored) = await _store.InsertAsync(racing, "k", "other-hash", now.AddDays(-30), new MoneyEvents(new FakePackContext("P-BUDGET-2"), TimeProvider.System).Create("transaction.posted", racing.Id, racing.Amount), default);

        Assert.False(inserted);
        Assert.NotEqual("other-hash", hash);
        Assert.Equal(first.Transaction.Id, stored.Id);
        Assert.Single(await AllAsync());
    }

    [Fact]
    public async Task A_too_long_void_reason_is_a_400_naming_reason()
    {
        var posted = await PostAsync("expense", "B", null);

        var problem = await Assert.ThrowsAsync<PackProblemException>(() => _ledger.VoidAsync(posted.Id, new VoidTransaction(new string('x', 501)), default));

        Assert.Equal("reason", problem.Field);
        Assert.Equal("posted", (await _ledger.GetAsync(posted.Id, default)).Status);
    }

    private async Task<Transaction> PostAsync(string type, string priority, string? bucket) =>
        (await _ledger.PostAsync(new PostTransaction(type, Money.FromDecimal(10), "2026-01-15", BucketId: bucket, Priority: priority), null, default)).Transaction;

    private async Task<IReadOnlyList<Transaction>> AllAsync() =>
        (await _ledger.ListAsync(TransactionsApi.Filter(new TransactionQuery { Limit = 500 }), default)).Items;

    private sealed class FakeBuckets : IBucketDirectory
    {
        private readonly Dictionary<string, BucketInfo> _buckets = [];

        public void Add(BucketInfo bucket) => _buckets[bucket.Id] = bucket;

        public Task<BucketInfo?> FindAsync(string bucketId, CancellationToken cancellationToken = default) =>
            Task.FromResult(_buckets.GetValueOrDefault(bucketId));
    }

    private sealed class InterleavingBuckets(IBucketDirectory inner, Func<Task> once) : IBucketDirectory
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

    private sealed class FakeObligations : IObligationsStatus
    {
        public bool Covered { get; set; } = true;

        public List<Month> Asked { get; } = [];

        public IReadOnlyList<UncoveredObligation> Uncovered { get; set; } = [];

        public Task<bool> AreCoveredAsync(Month month, CancellationToken cancellationToken = default)
        {
            Asked.Add(month);
            return Task.FromResult(Covered);
        }

        public async Task<ObligationsCoverage> GetCoverageAsync(Month month, CancellationToken cancellationToken = default) =>
            new(await AreCoveredAsync(month, cancellationToken), Uncovered);
    }
}
