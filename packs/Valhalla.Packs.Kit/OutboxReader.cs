using Dapper;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Stores;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Kit;

/// <summary>The host's view of a pack's <see cref="Outbox"/>: pending events oldest first, removed once delivered.</summary>
public sealed class OutboxReader(IPackDatabase database) : IMoneyEventOutbox
{
    public Task<IReadOnlyList<MoneyEvent>> PeekAsync(int max, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<MoneyEvent>>(async (connection, token) =>
        {
            const string sql = """
                SELECT id, pack, kind, subject_id, amount, at, detail, actor
                FROM outbox ORDER BY seq LIMIT @Max
                """;
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new { Max = max }, cancellationToken: token));
            return [.. rows.Select(r => new MoneyEvent(r.Pack, r.Kind, r.SubjectId, r.Amount is { } a ? new Money(a) : null, Timestamps.Parse(r.At), r.Detail)
            {
                Id = r.Id,
                Actor = r.Actor,
            })];
        }, cancellationToken);

    public Task AcknowledgeAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken = default) =>
        eventIds.Count == 0
            ? Task.CompletedTask
            : database.WriteAsync((connection, tx, token) => connection.ExecuteAsync(
                new CommandDefinition("DELETE FROM outbox WHERE id IN @Ids", new { Ids = eventIds }, tx, cancellationToken: token)), cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync((connection, token) =>
            connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT count(*) FROM outbox", cancellationToken: token)), cancellationToken);

    private sealed record Row(string Id, string Pack, string Kind, string SubjectId, long? Amount, string At, string? Detail, string? Actor);
}
