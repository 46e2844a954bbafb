using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Stores;
using Valhalla.Contracts.Values;
using Valhalla.Testing.Fakes;

namespace Valhalla.Packs.Kit.Tests;

/// <summary>The outbox in a real SQLite file: events written in the change's transaction, read oldest first, removed once delivered.</summary>
[Collection(nameof(DapperCollection))]
public sealed class OutboxTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private KitDatabase _kit = null!;
    private MoneyEvents _events = null!;

    private IPackDatabase Database => _kit.Database;

    public async Task InitializeAsync()
    {
        _kit = await KitDatabase.OpenAsync();
        _events = new MoneyEvents(new FakePackContext("P-BUDGET-2"), _time);
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private MoneyEvent Event(string subject, long? amount = 1250, string? detail = "monthly_limit", string? actor = "phone")
    {
        _time.Advance(TimeSpan.FromSeconds(1));
        return _events.Create("bucket.limit_changed", subject, amount is { } a ? new Money(a) : null, detail) with { Actor = actor };
    }

    private Task AppendAsync(params MoneyEvent[] events) =>
        Database.WriteAsync(async (connection, tx, ct) =>
        {
            foreach (var e in events)
            {
                await Outbox.AppendAsync(connection, tx, e, ct);
            }

            return 0;
        });

    [Fact]
    public async Task An_appended_event_is_read_back_whole()
    {
        var written = Event("bk_a");
        var bare = Event("bk_b", amount: null, detail: null, actor: null);

        await AppendAsync(written, bare);

        Assert.Equal([written, bare], await new OutboxReader(Database).PeekAsync(10));
    }

    [Fact]
    public async Task Events_are_stored_as_integers_and_UTC_text_with_nulls_for_what_is_missing()
    {
        var written = Event("bk_a") with { At = new DateTimeOffset(2026, 1, 5, 11, 0, 0, 7, TimeSpan.FromHours(2)) };
        var bare = Event("bk_b", amount: null, detail: null, actor: null);

        await AppendAsync(written, bare);

        Assert.Equal(
            [$"{written.Id}|P-BUDGET-2|bucket.limit_changed|bk_a|integer:1250|2026-01-05T09:00:00.007Z|monthly_limit|phone",
             $"{bare.Id}|P-BUDGET-2|bucket.limit_changed|bk_b|null:|{Timestamps.Format(bare.At)}|<null>|<null>"],
            await RowsAsync());
    }

    [Fact]
    public async Task An_event_appended_in_a_transaction_that_fails_is_not_kept()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Database.WriteAsync<int>(async (connection, tx, ct) =>
        {
            await Outbox.AppendAsync(connection, tx, Event("bk_a"), ct);
            throw new InvalidOperationException("the change failed");
        }));

        Assert.Equal(0, await new OutboxReader(Database).CountAsync());
    }

    [Fact]
    public async Task An_event_without_an_id_or_no_event_is_refused_and_nothing_is_written()
    {
        var missing = await Assert.ThrowsAsync<ArgumentNullException>(() => Database.WriteAsync(async (connection, tx, ct) =>
        {
            await Outbox.AppendAsync(connection, tx, null!, ct);
            return 0;
        }));
        var noId = await Assert.ThrowsAsync<ArgumentException>(() => AppendAsync(Event("bk_a") with { Id = null }));

        Assert.Equal("moneyEvent", missing.ParamName);
        Assert.Equal("moneyEvent", noId.ParamName);
        Assert.Equal("An outbox event needs an id; make it with MoneyEvents.Create. (Parameter 'moneyEvent')", noId.Message);
        Assert.Equal(0, await new OutboxReader(Database).CountAsync());
    }

    [Fact]
    public async Task The_writer_stores_each_event_as_Append_does()
    {
        var events = new[] { Event("bk_a"), Event("bk_b", amount: null, detail: null, actor: null), Event("bk_c", amount: -5) with { At = new DateTimeOffset(2026, 2, 1, 0, 30, 0, TimeSpan.FromHours(1)) } };
        await AppendAsync(events);
        var appended = await RowsAsync();
        await new OutboxReader(Database).AcknowledgeAsync([.. events.Select(e => e.Id!)]);

        await Database.WriteAsync(async (connection, tx, ct) =>
        {
            await using var writer = OutboxWriter.Prepare(connection, tx);
            foreach (var e in events)
            {
                await writer.AppendAsync(e, ct);
            }

            return 0;
        });

        Assert.Equal(appended, await RowsAsync());
        Assert.Equal(events, await new OutboxReader(Database).PeekAsync(10));
    }

    [Fact]
    public async Task The_writer_refuses_an_event_without_an_id_or_no_event()
    {
        var (missing, noId) = await Database.WriteAsync(async (connection, tx, ct) =>
        {
            await using var writer = OutboxWriter.Prepare(connection, tx);
            var missing = await Assert.ThrowsAsync<ArgumentNullException>(() => writer.AppendAsync(null!, ct));
            var noId = await Assert.ThrowsAsync<ArgumentException>(() => writer.AppendAsync(Event("bk_a") with { Id = null }, ct));
            return (missing, noId);
        });

        Assert.Equal("moneyEvent", missing.ParamName);
        Assert.Equal("An outbox event needs an id; make it with MoneyEvents.Create. (Parameter 'moneyEvent')", noId.Message);
        Assert.Equal(0, await new OutboxReader(Database).CountAsync());
    }

    [Fact]
    public async Task A_writer_on_a_database_without_an_outbox_fails_when_prepared_not_at_its_first_event()
    {
        await Database.WriteAsync(async (connection, tx, ct) =>
        {
            await connection.ExecuteAsync(new CommandDefinition("DROP TABLE outbox", transaction: tx, cancellationToken: ct));
            var refused = Assert.Throws<SqliteException>(() => OutboxWriter.Prepare(connection, tx));
            Assert.Contains("no such table: outbox", refused.Message, StringComparison.Ordinal);
            return 0;
        });
    }

    [Fact]
    public async Task Peeking_gives_the_oldest_events_first_up_to_the_maximum()
    {
        var events = new[] { Event("bk_a"), Event("bk_b"), Event("bk_c") };
        await AppendAsync(events);
        var reader = new OutboxReader(Database);

        Assert.Equal(events[..2], await reader.PeekAsync(2));
        Assert.Empty(await reader.PeekAsync(0));
        Assert.Equal(events, await reader.PeekAsync(3));
        Assert.Equal(3, await reader.CountAsync());
    }

    [Fact]
    public async Task Acknowledging_removes_exactly_the_delivered_events()
    {
        var events = new[] { Event("bk_a"), Event("bk_b"), Event("bk_c") };
        await AppendAsync(events);
        var reader = new OutboxReader(Database);

        await reader.AcknowledgeAsync([events[0].Id!, events[2].Id!, "ev_unknown"]);

        Assert.Equal([events[1]], await reader.PeekAsync(10));
        Assert.Equal(1, await reader.CountAsync());
    }

    [Fact]
    public async Task Acknowledging_nothing_opens_no_write()
    {
        await AppendAsync(Event("bk_a"));
        var counting = new CountingDatabase(Database);
        var reader = new OutboxReader(counting);

        await reader.AcknowledgeAsync([]);

        Assert.Equal(0, counting.Writes);
        Assert.Equal(1, await reader.CountAsync());
    }

    private Task<List<string>> RowsAsync() => Database.ReadAsync(async (connection, ct) =>
    {
        var rows = await connection.QueryAsync<Stored>(new CommandDefinition(
            "SELECT id, pack, kind, subject_id, typeof(amount) AS amount_type, amount, at, detail, actor FROM outbox ORDER BY seq", cancellationToken: ct));
        return rows.Select(r => $"{r.Id}|{r.Pack}|{r.Kind}|{r.SubjectId}|{r.AmountType}:{r.Amount}|{r.At}|{r.Detail ?? "<null>"}|{r.Actor ?? "<null>"}").ToList();
    });

    private sealed record Stored(string Id, string Pack, string Kind, string SubjectId, string AmountType, long? Amount, string At, string? Detail, string? Actor);

    private sealed class CountingDatabase(IPackDatabase inner) : IPackDatabase
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
}
