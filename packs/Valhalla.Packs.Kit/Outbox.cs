using System.Data.Common;
using Dapper;
using Valhalla.Contracts.Services;

namespace Valhalla.Packs.Kit;

/// <summary>
/// Writes money events into the pack's own <c>outbox</c> table, in the transaction of the change they
/// describe: the change and its event commit together or not at all. The host's dispatcher delivers
/// them to the audit sink through <see cref="OutboxReader"/>. A pack that emits events adds the table
/// with a numbered migration holding <see cref="Schema"/>.
/// </summary>
public static class Outbox
{
    /// <summary>The outbox table, to copy into a pack's migration.</summary>
    public const string Schema = """
        CREATE TABLE outbox (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,
            id         TEXT NOT NULL UNIQUE,
            pack       TEXT NOT NULL,
            kind       TEXT NOT NULL,
            subject_id TEXT NOT NULL,
            amount     INTEGER,
            at         TEXT NOT NULL,
            detail     TEXT,
            actor      TEXT
        );
        """;

    /// <summary>Adds <paramref name="moneyEvent"/> (made by <see cref="MoneyEvents.Create"/>) to the outbox, inside <paramref name="transaction"/>.</summary>
    public static Task AppendAsync(DbConnection connection, DbTransaction transaction, MoneyEvent moneyEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(moneyEvent);
        if (moneyEvent.Id is null)
        {
            throw new ArgumentException("An outbox event needs an id; make it with MoneyEvents.Create.", nameof(moneyEvent));
        }

        return connection.ExecuteAsync(new CommandDefinition(InsertSql, moneyEvent, transaction, cancellationToken: ct));
    }

    // One event; OutboxWriter prepares it once for many.
    internal const string InsertSql = """
        INSERT INTO outbox (id, pack, kind, subject_id, amount, at, detail, actor)
        VALUES (@Id, @Pack, @Kind, @SubjectId, @Amount, @At, @Detail, @Actor)
        """;
}
