using System.Data.Common;
using Dapper;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Stores;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Obligations;

/// <summary>Obligations and their outbox: Dapper and SQL, no rules.</summary>
public sealed class ObligationStore(IPackDatabase database, ChangeCounter changes)
{
    private const string Columns = """
        id, name, amount_min, amount_max, bucket_id, frequency,
        interval, weekday, day, month_of_year, start_date, end_date,
        grace_days, priority, notes, status, created_at, updated_at
        """;

    public Task<Obligation?> FindAsync(string id, CancellationToken ct) =>
        database.ReadAsync(async (connection, token) => (await connection.QuerySingleOrDefaultAsync<ObligationRow>(
            new CommandDefinition($"SELECT {Columns} FROM obligations WHERE id = @Id", new { Id = id }, cancellationToken: token)))?.ToObligation(), ct);

    /// <summary>Ordered by priority, then name; null filters match everything.</summary>
    public Task<IReadOnlyList<Obligation>> ListAsync(string? status, string? bucketId, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<Obligation>>(async (connection, token) =>
        {
            const string sql = $"""
                SELECT {Columns} FROM obligations
                WHERE (@Status IS NULL OR status = @Status) AND (@BucketId IS NULL OR bucket_id = @BucketId)
                ORDER BY priority, name COLLATE NOCASE, id
                """;
            var rows = await connection.QueryAsync<ObligationRow>(new CommandDefinition(sql, new { Status = status, BucketId = bucketId }, cancellationToken: token));
            return [.. rows.Select(r => r.ToObligation())];
        }, ct);

    public Task InsertAsync(Obligation obligation, MoneyEvent created, CancellationToken ct) =>
        WriteAndTouchAsync(async (connection, tx, token) =>
        {
            const string insert = """
                INSERT INTO obligations (id, name, amount_min, amount_max, bucket_id, frequency, interval, weekday, day, month_of_year,
                    start_date, end_date, grace_days, priority, notes, status, created_at, updated_at)
                VALUES (@Id, @Name, @AmountMin, @AmountMax, @BucketId, @Frequency, @Interval, @Weekday, @Day, @MonthOfYear,
                    @StartDate, @EndDate, @GraceDays, @Priority, @Notes, @Status, @CreatedAt, @UpdatedAt)
                """;
            await connection.ExecuteAsync(new CommandDefinition(insert, ObligationRow.From(obligation), tx, cancellationToken: token));
            await Outbox.AppendAsync(connection, tx, created, token);
            return true;
        }, ct);

    /// <summary>
    /// Reads the obligation, applies <paramref name="change"/> and stores the result with the event
    /// <paramref name="describe"/> makes of it, in one write. Null when there is no such obligation.
    /// </summary>
    public Task<Obligation?> UpdateAsync(string id, Func<Obligation, Obligation> change, Func<Obligation, Obligation, MoneyEvent> describe, CancellationToken ct) =>
        WriteAndTouchAsync(async (connection, tx, token) =>
        {
            var current = (await connection.QuerySingleOrDefaultAsync<ObligationRow>(
                new CommandDefinition($"SELECT {Columns} FROM obligations WHERE id = @Id", new { Id = id }, tx, cancellationToken: token)))?.ToObligation();
            if (current is null)
            {
                return null;
            }

            var updated = change(current);
            const string update = """
                UPDATE obligations SET name = @Name, amount_min = @AmountMin, amount_max = @AmountMax, bucket_id = @BucketId,
                    frequency = @Frequency, interval = @Interval, weekday = @Weekday, day = @Day, month_of_year = @MonthOfYear,
                    start_date = @StartDate, end_date = @EndDate, grace_days = @GraceDays, priority = @Priority, notes = @Notes,
                    status = @Status, updated_at = @UpdatedAt
                WHERE id = @Id
                """;
            await connection.ExecuteAsync(new CommandDefinition(update, ObligationRow.From(updated), tx, cancellationToken: token));
            await Outbox.AppendAsync(connection, tx, describe(current, updated), token);
            return updated;
        }, ct);

    // Every write touches the change stamps once it is over, committed or not.
    private async Task<T> WriteAndTouchAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> write, CancellationToken ct)
    {
        try
        {
            return await database.WriteAsync(write, ct);
        }
        finally
        {
            changes.Touch();
        }
    }
}
