using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SQLitePCL;
using Valhalla.Contracts.Stores;
using Valhalla.Host.Stores;
using Valhalla.Testing;
using static Valhalla.Host.Tests.Stores.Sql;

namespace Valhalla.Host.Tests.Stores;

/// <summary>The one writer: batch sizes, savepoints, the write lock, cancellation, failures, and closing.</summary>
public sealed class SqliteWriterTests : IAsyncLifetime
{
    private static readonly Migration CreateItems = new(1, "001_items", "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);");

    private readonly TempDirectory _temp = new();
    private readonly ConcurrentQueue<int> _batches = new();
    private SqlitePackDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await SqlitePackDatabase.OpenAsync("w/items.db", _temp.Combine("w", "items.db"), [CreateItems], NullLogger.Instance);
        _db.Writer.BatchStarting = _batches.Enqueue;
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_batch_takes_at_most_256_writes()
    {
        var release = await HoldWriterAsync();
        var writes = Enumerable.Range(0, 300).Select(i => InsertAsync($"item-{i}")).ToList();
        release.SetResult();

        await Task.WhenAll(writes);

        Assert.Equal([1, 256, 44], _batches);
        Assert.Equal(301, await CountAsync());
    }

    [Fact]
    public async Task A_write_cancelled_while_queued_is_cancelled_and_leaves_its_batch_to_commit()
    {
        var release = await HoldWriterAsync();
        using var cancel = new CancellationTokenSource();
        var cancelled = InsertAsync("cancelled", cancel.Token);
        var kept = InsertAsync("kept");
        await cancel.CancelAsync();
        release.SetResult();

        await kept;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        Assert.True(cancelled.IsCanceled);
        Assert.Equal([1, 1], _batches);
        Assert.Equal(["held", "kept"], await NamesAsync());
    }

    [Fact]
    public void A_request_failed_by_a_cancellation_not_of_its_token_is_faulted()
    {
        var request = new WriteRequest<int>((_, _, _) => Task.FromResult(1), CancellationToken.None);

        request.Fail(new OperationCanceledException("not the caller's token"));

        Assert.True(request.Task.IsFaulted);
    }

    [Fact]
    public void A_request_failed_by_another_exception_after_its_token_was_cancelled_is_faulted()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var request = new WriteRequest<int>((_, _, _) => Task.FromResult(1), cancel.Token);

        request.Fail(new InvalidOperationException("broken"));

        Assert.IsType<InvalidOperationException>(request.Task.Exception!.InnerException);
    }

    [Fact]
    public async Task A_cancelled_caller_sees_its_write_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var write = _db.WriteAsync<int>(async (_, _, ct) =>
        {
            await cancel.CancelAsync();
            ct.ThrowIfCancellationRequested();
            return 0;
        }, cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);

        Assert.True(write.IsCanceled);
    }

    [Fact]
    public async Task A_write_that_throws_after_writing_is_undone_alone_in_a_shared_batch()
    {
        var release = await HoldWriterAsync();
        var before = InsertAsync("before");
        var broken = _db.WriteAsync<int>(async (c, tx, ct) =>
        {
            await ExecuteAsync(c, tx, "INSERT INTO items (name) VALUES ('half')", ct);
            throw new InvalidOperationException("rule broken after the insert");
        });
        var after = InsertAsync("after");
        release.SetResult();

        await Task.WhenAll(before, after);
        await Assert.ThrowsAsync<InvalidOperationException>(() => broken);

        Assert.Equal([1, 3], _batches);
        Assert.Equal(["after", "before", "held"], await NamesAsync());
    }

    [Fact]
    public async Task A_lone_write_runs_without_a_savepoint_and_each_write_of_a_shared_batch_in_its_own()
    {
        var alone = await _db.WriteAsync((c, tx, ct) => InOwnSavepointAsync(c, tx, ct));
        var release = await HoldWriterAsync();
        var shared = Enumerable.Range(0, 2).Select(_ => _db.WriteAsync((c, tx, ct) => InOwnSavepointAsync(c, tx, ct))).ToList();
        release.SetResult();

        var inSavepoints = await Task.WhenAll(shared);

        Assert.False(alone);
        Assert.Equal([true, true], inSavepoints);
        Assert.Equal([1, 1, 2], _batches);
    }

    [Fact]
    public async Task A_write_holds_the_write_lock_from_before_its_first_statement_until_its_commit()
    {
        var lockedOutDuring = await _db.WriteAsync((c, tx, ct) => Task.FromResult(!AnotherConnectionCanTakeTheWriteLock()));

        Assert.True(lockedOutDuring);
        Assert.True(AnotherConnectionCanTakeTheWriteLock());
    }

    [Fact]
    public async Task A_write_that_ends_the_transaction_itself_fails_with_the_commit_error_and_the_writer_goes_on()
    {
        var rogue = _db.WriteAsync((c, tx, ct) => ExecuteAsync(c, tx, "COMMIT", ct));

        var failure = await Assert.ThrowsAsync<SqliteException>(() => rogue);

        Assert.Contains("cannot commit - no transaction is active", failure.Message);
        await InsertAsync("after");
        Assert.Equal(["after"], await NamesAsync());
    }

    [Fact]
    public async Task A_batch_that_cannot_take_the_write_lock_fails_with_the_busy_error_and_the_next_write_commits()
    {
        // A writer of its own whose connection gives up on a locked file after 1 s (the host's waits 30 s).
        var file = _temp.Combine("locked.db");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = 1 }.ToString());
        await connection.OpenAsync();
        await using var writer = new SqliteWriter(connection);
        await writer.WriteAsync((c, tx, ct) => ExecuteAsync(c, tx, "CREATE TABLE items (name TEXT)", ct), CancellationToken.None);
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_open_v2(file, out var other, raw.SQLITE_OPEN_READWRITE, null));
        using (other)
        {
            Assert.Equal(raw.SQLITE_OK, raw.sqlite3_exec(other, "BEGIN IMMEDIATE"));

            var busy = await Assert.ThrowsAsync<SqliteException>(() => writer.WriteAsync((c, tx, ct) => ExecuteAsync(c, tx, "INSERT INTO items VALUES ('lost')", ct), CancellationToken.None));

            Assert.Equal(raw.SQLITE_BUSY, busy.SqliteErrorCode);
            Assert.Equal(raw.SQLITE_OK, raw.sqlite3_exec(other, "ROLLBACK"));
        }

        await writer.WriteAsync((c, tx, ct) => ExecuteAsync(c, tx, "INSERT INTO items VALUES ('after')", ct), CancellationToken.None);
        Assert.Equal(1L, await writer.WriteAsync((c, tx, ct) => LongAsync(c, "SELECT count(*) FROM items", ct, tx), CancellationToken.None));
    }

    [Fact]
    public async Task A_writer_closes_twice()
    {
        var writer = new SqliteWriter(await SqliteConnections.OpenWriterAsync(_temp.Combine("twice.db"), CancellationToken.None));

        await writer.DisposeAsync();
        var again = writer.DisposeAsync().AsTask();

        await again.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(again.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Connections_wait_for_a_lock_instead_of_failing_at_once()
    {
        var reader = await _db.ReadAsync((c, ct) => LongAsync(c, "PRAGMA busy_timeout", ct));
        var writer = await _db.WriteAsync((c, tx, ct) => LongAsync(c, "PRAGMA busy_timeout", ct, tx));

        Assert.Equal((5000L, 5000L), (reader, writer));
    }

    [Fact]
    public async Task A_write_gets_its_own_result_back_from_a_shared_batch()
    {
        var release = await HoldWriterAsync();
        var writes = Enumerable.Range(0, 5).Select(i => _db.WriteAsync((c, tx, ct) => Task.FromResult(i * 10))).ToList();
        release.SetResult();

        var results = await Task.WhenAll(writes);

        Assert.Equal([0, 10, 20, 30, 40], results);
        Assert.Equal([1, 5], _batches);
    }

    [Fact]
    public async Task Writes_queued_before_closing_still_commit()
    {
        var release = await HoldWriterAsync();
        var queued = InsertAsync("queued");
        var closing = _db.DisposeAsync().AsTask();
        release.SetResult();

        await queued;
        await closing;

        Assert.Equal([1, 1], _batches); // and no empty batch (an empty transaction) at the close
        await using var reopened = await SqlitePackDatabase.OpenAsync("w/items.db", _temp.Combine("w", "items.db"), [CreateItems], NullLogger.Instance);
        Assert.Equal(2L, await reopened.ReadAsync((c, ct) => LongAsync(c, "SELECT count(*) FROM items", ct)));
    }

    [Fact]
    public async Task A_closed_database_refuses_writes_and_reads()
    {
        await _db.DisposeAsync();

        var write = await Assert.ThrowsAsync<ObjectDisposedException>(() => InsertAsync("late"));
        Assert.Contains("The database is closed: its pack is being unloaded.", write.Message);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => _db.ReadAsync((c, ct) => Task.FromResult(0)));
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task A_missing_write_or_read_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => _db.WriteAsync<int>(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _db.ReadAsync<int>(null!));
    }

    /// <summary>Starts a write that holds the writer (inserting 'held') until the returned source is set.</summary>
    private async Task<TaskCompletionSource> HoldWriterAsync()
    {
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = _db.WriteAsync(async (c, tx, ct) =>
        {
            holding.SetResult();
            await release.Task;
            return await ExecuteAsync(c, tx, "INSERT INTO items (name) VALUES ('held')", ct);
        });
        await holding.Task;
        return release;
    }

    /// <summary>
    /// True when the write runs inside the writer's savepoint: only there can SQLite roll back to it (undoing
    /// nothing, as the probe wrote nothing).
    /// </summary>
    private static async Task<bool> InOwnSavepointAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        try
        {
            await ExecuteAsync(connection, tx, "ROLLBACK TO valhalla_write", ct);
            return true;
        }
        catch (SqliteException ex) when (ex.Message.Contains("no such savepoint", StringComparison.Ordinal))
        {
            return false;
        }
    }

    /// <summary>
    /// Tries, on a connection of its own and without waiting, to start a write transaction on the file. The
    /// raw API, because Microsoft.Data.Sqlite retries a busy database for its command timeout.
    /// </summary>
    private bool AnotherConnectionCanTakeTheWriteLock()
    {
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_open_v2(_db.FilePath, out var other, raw.SQLITE_OPEN_READWRITE, null));
        using (other)
        {
            return raw.sqlite3_exec(other, "BEGIN IMMEDIATE; ROLLBACK;") == raw.SQLITE_OK;
        }
    }

    private Task<int> InsertAsync(string name, CancellationToken ct = default) =>
        _db.WriteAsync((c, tx, token) => ExecuteAsync(c, tx, $"INSERT INTO items (name) VALUES ('{name}')", token), ct);

    private Task<long> CountAsync() => _db.ReadAsync((c, ct) => LongAsync(c, "SELECT count(*) FROM items", ct));

    private Task<List<string>> NamesAsync() => _db.ReadAsync(async (c, ct) =>
    {
        await using var command = c.CreateCommand();
        command.CommandText = "SELECT name FROM items ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    });
}
