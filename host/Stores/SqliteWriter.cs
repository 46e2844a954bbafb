using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Valhalla.Host.Stores;

/// <summary>
/// The one writer of a database. A caller queues its write, then waits its turn as leader; the
/// leader commits everything queued by then — its own write and those that arrived while the
/// previous commit was being made durable — with a single fsync (group commit). The commit runs on
/// the leader's own thread, so a lone writer pays no thread hand-off. Each write of a batch runs
/// in its own savepoint, so one that throws is undone alone.
/// </summary>
internal sealed class SqliteWriter(SqliteConnection connection) : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly SqliteConnection _connection = connection;
    private readonly WriteSavepoints _savepoints = new(connection);
    private readonly Channel<IWriteRequest> _queue = Channel.CreateUnbounded<IWriteRequest>();
    private readonly SemaphoreSlim _leader = new(1, 1);

    /// <summary>For tests: told the size of every batch before it runs, to prove that writes did share one.</summary>
    internal Action<int>? BatchStarting { get; set; }

    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        var request = new WriteRequest<T>(write, ct);
        if (!_queue.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(SqliteWriter), "The database is closed: its pack is being unloaded.");
        }

        // No cancellation here: a queued write is answered by whoever commits it.
        await _leader.WaitAsync(CancellationToken.None);
        try
        {
            // Usually the previous leader already committed this write; otherwise it is still queued.
            while (!request.Task.IsCompleted && await CommitQueuedAsync())
            {
            }
        }
        finally
        {
            _leader.Release();
        }

        return await request.Task;
    }

    public async ValueTask DisposeAsync()
    {
        // Writes already queued still run: callers were promised an answer.
        _queue.Writer.TryComplete();
        await _leader.WaitAsync();
        try
        {
            while (await CommitQueuedAsync())
            {
            }

            _savepoints.Dispose();
            await _connection.DisposeAsync();
        }
        finally
        {
            _leader.Release();
        }
    }

    /// <summary>Commits up to <see cref="MaxBatch"/> queued writes; false when none was queued.</summary>
    private async Task<bool> CommitQueuedAsync()
    {
        var batch = new List<IWriteRequest>();
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var request))
        {
            if (request.CancellationToken.IsCancellationRequested)
            {
                request.Fail(new OperationCanceledException(request.CancellationToken));
            }
            else
            {
                batch.Add(request);
            }
        }

        if (batch.Count > 0)
        {
            await CommitBatchAsync(batch);
        }

        // An empty batch means the queue was drained: a write queued since then waits for the leader and commits itself.
        return batch.Count > 0;
    }

    private async Task CommitBatchAsync(List<IWriteRequest> batch)
    {
        BatchStarting?.Invoke(batch.Count);
        SqliteTransaction? transaction = null;
        IReadOnlyList<IWriteRequest> done;
        try
        {
            transaction = _connection.BeginTransaction(deferred: false);
            done = batch.Count == 1 ? await RunAloneAsync(batch[0], transaction) : await RunInSavepointsAsync(batch, transaction);
            await transaction.CommitAsync();
        }
        catch (Exception ex)
        {
            await TryRollbackAsync(transaction);
            foreach (var request in batch)
            {
                request.Fail(ex);
            }

            return;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }

        foreach (var request in done)
        {
            request.Commit();
        }
    }

    // Alone in its transaction, a write needs no savepoint: if it throws, rolling back the
    // transaction undoes exactly that write (one client saves two statements per commit).
    private async Task<IReadOnlyList<IWriteRequest>> RunAloneAsync(IWriteRequest request, SqliteTransaction transaction)
    {
        await request.RunAsync(_connection, transaction);
        return [request];
    }

    private async Task<IReadOnlyList<IWriteRequest>> RunInSavepointsAsync(List<IWriteRequest> batch, SqliteTransaction transaction)
    {
        var done = new List<IWriteRequest>(batch.Count);
        foreach (var request in batch)
        {
            _savepoints.Save(transaction);
            try
            {
                await request.RunAsync(_connection, transaction);
                _savepoints.Release(transaction);
                done.Add(request);
            }
            catch (Exception ex)
            {
                // Undo this write only. When SQLite has already rolled back the whole transaction (I/O
                // error, disk full) this throws, and the caller fails the whole batch.
                _savepoints.RollBack(transaction);
                request.Fail(ex);
            }
        }

        return done;
    }

    private static async Task TryRollbackAsync(SqliteTransaction? transaction)
    {
        try
        {
            if (transaction?.Connection is not null)
            {
                await transaction.RollbackAsync();
            }
        }
        catch (SqliteException)
        {
            // SQLite already rolled the transaction back itself (e.g. after an I/O error).
        }
    }
}
