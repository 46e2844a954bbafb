using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Valhalla.Contracts.Stores;

namespace Valhalla.Host.Stores;

/// <summary>
/// A pack's SQLite database: opened and migrated once, then read on a small pool of read-only
/// connections and written through one <see cref="SqliteWriter"/>.
/// </summary>
public sealed class SqlitePackDatabase : IPackDatabase, IAsyncDisposable
{
    private const int MaxIdleReaders = 16;

    private readonly SqliteWriter _writer;
    private readonly ConcurrentBag<SqliteConnection> _idleReaders = [];
    private volatile bool _disposed;

    private SqlitePackDatabase(string dataPath, string filePath, SqliteConnection writerConnection)
    {
        DataPath = dataPath;
        FilePath = filePath;
        _writer = new SqliteWriter(writerConnection);
    }

    public string DataPath { get; }

    /// <summary>For tests: the database's one writer.</summary>
    internal SqliteWriter Writer => _writer;

    /// <summary>The absolute path of the SQLite file.</summary>
    public string FilePath { get; }

    /// <summary>Opens (creating if needed) the file, sets WAL and applies pending migrations.</summary>
    /// <exception cref="MigrationFailedException">A migration failed; it was rolled back and the file is closed.</exception>
    public static async Task<SqlitePackDatabase> OpenAsync(
        string dataPath, string filePath, IReadOnlyList<Migration> migrations, ILogger logger, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(filePath)!);
        var connection = await SqliteConnections.OpenWriterAsync(filePath, ct);
        try
        {
            await Migrator.ApplyAsync(connection, dataPath, migrations, logger, ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return new SqlitePackDatabase(dataPath, filePath, connection);
    }

    public async Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = _idleReaders.TryTake(out var idle) ? idle : await SqliteConnections.OpenReaderAsync(FilePath, cancellationToken);
        try
        {
            return await read(connection, cancellationToken);
        }
        finally
        {
            if (_idleReaders.Count >= MaxIdleReaders)
            {
                await connection.DisposeAsync();
            }
            else
            {
                // Kept first, then closed with the others if the database closed meanwhile (even while adding).
                _idleReaders.Add(connection);
                if (_disposed)
                {
                    await CloseIdleReadersAsync();
                }
            }
        }
    }

    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> write, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(write, cancellationToken);

    /// <summary>
    /// Closes every connection so the file is free: idle readers first, then the writer once its queued
    /// writes commit. Closing last, the writer checkpoints the WAL into the file and deletes it, which
    /// leaves one self-contained file (unless a read still in flight closes after it). Each step is idempotent, so
    /// closing twice is harmless.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await CloseIdleReadersAsync();
        await _writer.DisposeAsync();
    }

    private async Task CloseIdleReadersAsync()
    {
        while (_idleReaders.TryTake(out var reader))
        {
            await reader.DisposeAsync();
        }
    }
}
