using Dapper;
using Valhalla.Contracts.Stores;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Audit;

/// <summary>The append-only events table: Dapper and SQL, no rules.</summary>
public sealed class AuditStore(IPackDatabase database)
{
    private const string Columns = """
        id, pack, kind, subject_id, amount, at, detail,
        actor, recorded_at
        """;

    /// <summary>Stores the events in one write; an id already recorded is skipped (a delivery repeated after a crash).</summary>
    public Task<int> AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken ct) =>
        database.WriteAsync(async (connection, tx, token) =>
        {
            const string insert = """
                INSERT INTO events (id, pack, kind, subject_id, amount, at, detail, actor, recorded_at)
                VALUES (@Id, @Pack, @Kind, @SubjectId, @Amount, @At, @Detail, @Actor, @RecordedAt)
                ON CONFLICT (id) DO NOTHING
                """;
            return await connection.ExecuteAsync(new CommandDefinition(insert, events, tx, cancellationToken: token));
        }, ct);

    /// <summary>
    /// A page, newest first, and the number of events matching the filter, read from one snapshot
    /// (events arrive in the background, so two statements outside a transaction could disagree).
    /// </summary>
    public Task<(IReadOnlyList<AuditEvent> Items, int Total)> ListAsync(AuditFilter filter, CancellationToken ct) =>
        database.ReadAsync<(IReadOnlyList<AuditEvent>, int)>(async (connection, token) =>
        {
            var args = new
            {
                filter.SubjectId,
                filter.Pack,
                filter.Kind,
                filter.Limit,
                filter.Offset,
                From = filter.From is { } from ? Timestamps.Format(new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) : null,
                Before = filter.To is { } to ? Timestamps.Format(new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) : null,
            };
            var where = Where(filter);
            await using var snapshot = await connection.BeginTransactionAsync(token);
            var page = await connection.QueryAsync<AuditEvent>(new CommandDefinition(
                $"SELECT {Columns} FROM events {where} ORDER BY at DESC, seq DESC LIMIT @Limit OFFSET @Offset", args, snapshot, cancellationToken: token));
            var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT count(*) FROM events {where}", args, snapshot, cancellationToken: token));
            return ([.. page], total);
        }, ct);

    // Only the conditions of the filters given, so SQLite can pick the subject index; the fragments
    // are fixed text and every value stays a parameter.
    private static string Where(AuditFilter filter)
    {
        List<string> conditions = [];
        if (filter.SubjectId is not null)
        {
            conditions.Add("subject_id = @SubjectId");
        }

        if (filter.Pack is not null)
        {
            conditions.Add("pack = @Pack");
        }

        if (filter.Kind is not null)
        {
            conditions.Add("kind = @Kind");
        }

        if (filter.From is not null)
        {
            conditions.Add("at >= @From");
        }

        if (filter.To is not null)
        {
            conditions.Add("at < @Before");
        }

        return conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
    }
}
