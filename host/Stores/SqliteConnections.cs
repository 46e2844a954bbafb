using Microsoft.Data.Sqlite;

namespace Valhalla.Host.Stores;

/// <summary>Opens SQLite connections to a pack database with the pragmas money needs.</summary>
internal static class SqliteConnections
{
    // Per-connection settings: durability for money (FULL fsyncs the WAL on every commit), referential
    // integrity, and waiting instead of failing when a checkpoint briefly holds a lock.
    private const string ConnectionPragmas = "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;";

    // Only the writer sets the journal mode: it is stored in the file, and setting it is the first
    // statement that reads the file, so a file that is not a database fails here, still inside OpenAsync.
    private const string WriterPragmas = ConnectionPragmas + " PRAGMA journal_mode = WAL;";

    public static Task<SqliteConnection> OpenWriterAsync(string filePath, CancellationToken ct) =>
        OpenAsync(filePath, SqliteOpenMode.ReadWriteCreate, WriterPragmas, ct);

    public static Task<SqliteConnection> OpenReaderAsync(string filePath, CancellationToken ct) =>
        OpenAsync(filePath, SqliteOpenMode.ReadOnly, ConnectionPragmas, ct);

    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<SqliteConnection> OpenAsync(string filePath, SqliteOpenMode mode, string pragmas, CancellationToken ct)
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
            await ExecuteAsync(connection, pragmas, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
