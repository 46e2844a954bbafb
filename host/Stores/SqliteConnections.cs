using Microsoft.Data.Sqlite;

namespace Valhalla.Host.Stores;

/// <summary>Opens SQLite connections to a pack database with the pragmas money needs.</summary>
internal static class SqliteConnections
{
    // Per-connection settings: durability for money (FULL fsyncs the WAL on every commit), referential
    // integrity, and waiting instead of failing when a checkpoint briefly holds a lock.
    private const string ConnectionPragmas = "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;";

    public static async Task<SqliteConnection> OpenWriterAsync(string filePath, CancellationToken ct)
    {
        var connection = await OpenAsync(filePath, SqliteOpenMode.ReadWriteCreate, ct);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", ct);
        return connection;
    }

    public static Task<SqliteConnection> OpenReaderAsync(string filePath, CancellationToken ct) =>
        OpenAsync(filePath, SqliteOpenMode.ReadOnly, ct);

    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<SqliteConnection> OpenAsync(string filePath, SqliteOpenMode mode, CancellationToken ct)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = filePath,
            Mode = mode,
            Cache = SqliteCacheMode.Private,
            // The database keeps its own connections open for its lifetime; no pool is needed, and
            // none may keep the file open after the pack is unloaded.
            Pooling = false,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await ExecuteAsync(connection, ConnectionPragmas, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
