using Dapper;
using Valhalla.Contracts.Stores;

namespace ValhallaPack._1;

/// <summary>The notes table: Dapper and SQL, no rules.</summary>
public sealed class NoteStore(IPackDatabase database)
{
    /// <summary>
    /// Writes run on the database's single writer, possibly committed together with other writes
    /// (group commit): give every command the transaction, and do not commit it yourself.
    /// </summary>
    public Task<Note> AddAsync(string text, CancellationToken ct) =>
        database.WriteAsync(async (connection, tx, token) =>
        {
            var id = await connection.ExecuteScalarAsync<long>(
                new CommandDefinition("INSERT INTO notes (text) VALUES (@Text) RETURNING id", new { Text = text }, tx, cancellationToken: token));
            return new Note(id, text);
        }, ct);

    /// <summary>Reads run concurrently on read-only connections.</summary>
    public Task<IReadOnlyList<Note>> ListAsync(CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<Note>>(async (connection, token) =>
            [.. await connection.QueryAsync<Note>(new CommandDefinition("SELECT id, text FROM notes ORDER BY id", cancellationToken: token))], ct);
}
