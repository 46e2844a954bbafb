using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Valhalla.Contracts;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Stores;
using Valhalla.Contracts.Values;
using Valhalla.Host.Stores;
using Valhalla.Packs.Kit;
using Valhalla.Testing;

namespace Valhalla.Packs.Audit.Tests;

/// <summary>The audit sink and its query on a real SQLite file.</summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private SqlitePackDatabase _database = null!;
    private AuditStore _store = null!;
    private AuditSink _sink = null!;

    public async Task InitializeAsync()
    {
        DapperTypeHandlers.Register();
        _database = await SqlitePackDatabase.OpenAsync("audit/audit.db", _temp.Combine("audit.db"),
            Migration.FromEmbeddedResources(typeof(AuditPack).Assembly), NullLogger.Instance);
        _store = new AuditStore(_database);
        _sink = new AuditSink(_store, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task An_event_id_already_recorded_is_ignored()
    {
        var posted = Event("P-BUDGET-2", "transaction.posted", "tx_aaaaaaaaaaaa", 0, actor: "phone");

        await _sink.RecordAsync(posted);
        await _sink.RecordManyAsync([posted, Event("P-BUDGET-2", "transaction.voided", "tx_aaaaaaaaaaaa", 1)]);

        var page = await ListAsync();
        Assert.Equal(2, page.Total);
        var stored = page.Items[1];
        Assert.Equal((posted.Id, "phone", Money.FromDecimal(12.5m), posted.At), (stored.Id, stored.Actor, stored.Amount!.Value, stored.At));
    }

    [Fact]
    public async Task Events_list_newest_first_filtered_and_paged_with_a_total()
    {
        await _sink.RecordManyAsync([
            Event("P-BUDGET-1", "bucket.created", "bk_aaaaaaaaaaaa", 0),
            Event("P-BUDGET-2", "transaction.posted", "tx_aaaaaaaaaaaa", 1),
            Event("P-BUDGET-2", "transaction.posted", "tx_bbbbbbbbbbbb", 2),
            Event("P-BUDGET-2", "transaction.voided", "tx_aaaaaaaaaaaa", 3),
            Event("P-OBLIG-1", "obligation.created", "ob_aaaaaaaaaaaa", 48),
        ]);

        Assert.Equal(["obligation.created", "transaction.voided", "transaction.posted"], (await ListAsync(limit: 3)).Items.Select(e => e.Kind));
        Assert.Equal(["tx_bbbbbbbbbbbb", "tx_aaaaaaaaaaaa"], (await ListAsync(limit: 2, offset: 2)).Items.Select(e => e.SubjectId));
        Assert.Equal(["transaction.voided", "transaction.posted"], (await ListAsync(subjectId: "tx_aaaaaaaaaaaa")).Items.Select(e => e.Kind));
        Assert.Equal(3, (await ListAsync(pack: "P-BUDGET-2")).Total);
        Assert.Equal(2, (await ListAsync(kind: "transaction.posted")).Total);
        Assert.Equal(["obligation.created"], (await ListAsync(from: "2026-01-07")).Items.Select(e => e.Kind));
        Assert.Equal(4, (await ListAsync(to: "2026-01-05")).Total);
    }

    [Theory]
    [InlineData("UPDATE events SET amount = 0", "cannot be changed")]
    [InlineData("DELETE FROM events", "cannot be deleted")]
    public async Task The_database_refuses_to_change_or_delete_an_event(string sql, string message)
    {
        await _sink.RecordAsync(Event("P-BUDGET-2", "transaction.posted", "tx_aaaaaaaaaaaa", 0));

        var refused = await Assert.ThrowsAsync<SqliteException>(() =>
            _database.WriteAsync((connection, tx, ct) => connection.ExecuteAsync(new CommandDefinition(sql, transaction: tx, cancellationToken: ct))));

        Assert.Contains(message, refused.Message);
        Assert.Equal(1, (await ListAsync()).Total);
    }

    [Fact]
    public async Task Filters_given_together_must_all_match()
    {
        await _sink.RecordManyAsync([
            Event("P-BUDGET-2", "transaction.posted", "tx_aaaaaaaaaaaa", 0),
            Event("P-BUDGET-2", "transaction.voided", "tx_aaaaaaaaaaaa", 24),
            Event("P-OBLIG-1", "transaction.posted", "ob_aaaaaaaaaaaa", 25),
            Event("P-BUDGET-2", "transaction.posted", "tx_bbbbbbbbbbbb", 48),
        ]);

        Assert.Equal(["tx_bbbbbbbbbbbb", "tx_aaaaaaaaaaaa"], (await ListAsync(pack: "P-BUDGET-2", kind: "transaction.posted")).Items.Select(e => e.SubjectId));
        Assert.Equal(["transaction.voided"], (await ListAsync(subjectId: "tx_aaaaaaaaaaaa", from: "2026-01-06")).Items.Select(e => e.Kind));
        Assert.Equal(["ob_aaaaaaaaaaaa", "tx_aaaaaaaaaaaa"], (await ListAsync(from: "2026-01-06", to: "2026-01-06")).Items.Select(e => e.SubjectId));
    }

    [Fact]
    public async Task An_event_without_an_id_is_given_an_ev_id_and_the_time_it_was_recorded()
    {
        var now = new DateTimeOffset(2026, 1, 9, 10, 30, 0, TimeSpan.Zero);
        var sink = new AuditSink(_store, new FakeTimeProvider(now));

        await sink.RecordAsync(Event("P-BUDGET-2", "transaction.posted", "tx_aaaaaaaaaaaa", 0) with { Id = null });

        var stored = Assert.Single((await ListAsync()).Items);
        Assert.Matches("^ev_[0-9a-f]{32}$", stored.Id);
        Assert.Equal(now, stored.RecordedAt);
    }

    [Fact]
    public async Task An_empty_batch_opens_no_write_and_a_missing_batch_is_refused()
    {
        var counting = new CountingDatabase(_database);
        var sink = new AuditSink(new AuditStore(counting), TimeProvider.System);

        await sink.RecordManyAsync([]);

        Assert.Equal(0, counting.Writes);
        Assert.Throws<ArgumentNullException>(() => { _ = sink.RecordManyAsync(null!); }); // thrown before any task exists
    }

    private async Task<AuditPage> ListAsync(
        string? subjectId = null, string? pack = null, string? kind = null, string? from = null, string? to = null, int? limit = null, int? offset = null)
    {
        var filter = AuditRules.Filter(new AuditQuery { SubjectId = subjectId, Pack = pack, Kind = kind, From = from, To = to, Limit = limit, Offset = offset });
        var (items, total) = await _store.ListAsync(filter, default);
        return new AuditPage(items, total, filter.Limit, filter.Offset);
    }

    private static MoneyEvent Event(string pack, string kind, string subject, int hoursLater, string? actor = null) =>
        new(pack, kind, subject, Money.FromDecimal(12.5m), Start.AddHours(hoursLater), "detail")
        {
            Id = "ev_" + Guid.NewGuid().ToString("N"),
            Actor = actor,
        };
}

/// <summary>Counts the writes a store asks for, passing each to the real database.</summary>
internal sealed class CountingDatabase(IPackDatabase inner) : IPackDatabase
{
    public int Writes { get; private set; }

    public string DataPath => inner.DataPath;

    public Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(read, cancellationToken);

    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> write, CancellationToken cancellationToken = default)
    {
        Writes++;
        return inner.WriteAsync(write, cancellationToken);
    }
}
