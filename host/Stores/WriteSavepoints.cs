using Microsoft.Data.Sqlite;

namespace Valhalla.Host.Stores;

/// <summary>
/// The savepoint statements a batch runs around each of its writes, compiled once for the writer
/// connection. <see cref="SqliteTransaction.Save(string)"/> and its siblings build and compile a new
/// command on every call: two compilations per write at every batch size above one.
/// </summary>
internal sealed class WriteSavepoints(SqliteConnection connection) : IDisposable
{
    private readonly SqliteCommand _save = Create(connection, "SAVEPOINT valhalla_write;");
    private readonly SqliteCommand _release = Create(connection, "RELEASE valhalla_write;");
    private readonly SqliteCommand _rollback = Create(connection, "ROLLBACK TO valhalla_write;");

    public void Save(SqliteTransaction transaction) => Run(_save, transaction);

    public void Release(SqliteTransaction transaction) => Run(_release, transaction);

    /// <summary>Undoes the current write only; throws when SQLite has already rolled back the whole transaction.</summary>
    public void RollBack(SqliteTransaction transaction)
    {
        Run(_rollback, transaction);
        Run(_release, transaction);
    }

    public void Dispose()
    {
        _save.Dispose();
        _release.Dispose();
        _rollback.Dispose();
    }

    private static SqliteCommand Create(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static void Run(SqliteCommand command, SqliteTransaction transaction)
    {
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
