using System.Data.Common;
using Dapper;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Stores;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Budget;

/// <summary>Buckets and allocations: Dapper and SQL, no rules.</summary>
public sealed class BudgetStore(IPackDatabase database, ChangeCounter changes)
{
    private const string BucketColumns = """
        id, name, bucket_type, monthly_limit, priority,
        rollover, notes, status, created_at, updated_at
        """;

    // Buckets list by priority, then name; the snapshot lists them the same way.
    private const string ListingOrder = "ORDER BY priority, name COLLATE NOCASE, id";

    private const string CountActive = "SELECT count(*) FROM buckets WHERE status = 'active'";

    private const string ActiveNameTaken =
        "SELECT EXISTS (SELECT 1 FROM buckets WHERE status = 'active' AND name = @Name COLLATE NOCASE AND id <> @Id)";

    public Task<IReadOnlyList<Bucket>> ListAsync(string? status, string? bucketType, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<Bucket>>(async (connection, token) =>
        {
            var sql = $"""
                SELECT {BucketColumns} FROM buckets
                WHERE (@Status IS NULL OR status = @Status) AND (@BucketType IS NULL OR bucket_type = @BucketType)
                {ListingOrder}
                """;
            return [.. await connection.QueryAsync<Bucket>(new CommandDefinition(sql, new { Status = status, BucketType = bucketType }, cancellationToken: token))];
        }, ct);

    /// <summary>
    /// The active buckets in listing order, with only what a snapshot needs. The creation month is cut
    /// from the stored UTC timestamp (<c>YYYY-MM-DDTHH:MM:SS.fffZ</c>), so no timestamp is parsed.
    /// </summary>
    public Task<IReadOnlyList<SnapshotBucket>> ActiveForSnapshotAsync(CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<SnapshotBucket>>(async (connection, token) =>
        {
            const string sql = $"""
                SELECT id, name, bucket_type, priority, rollover,
                    monthly_limit, substr(created_at, 1, 7) AS created_in
                FROM buckets
                WHERE status = 'active'
                {ListingOrder}
                """;
            return [.. await connection.QueryAsync<SnapshotBucket>(new CommandDefinition(sql, cancellationToken: token))];
        }, ct);

    public Task<Bucket?> FindAsync(string id, CancellationToken ct) =>
        database.ReadAsync((connection, token) => connection.QuerySingleOrDefaultAsync<Bucket>(
            new CommandDefinition($"SELECT {BucketColumns} FROM buckets WHERE id = @Id", new { Id = id }, cancellationToken: token)), ct);

    /// <summary>
    /// Inserts the bucket and its event unless an active bucket has its name; false when the name is taken.
    /// Throws <see cref="BucketRules.TooManyBuckets"/> (a 409) when <see cref="BucketRules.MaxActiveBuckets"/> are active already.
    /// </summary>
    public Task<bool> TryInsertAsync(Bucket bucket, MoneyEvent created, CancellationToken ct) =>
        WriteAndTouchAsync(async (connection, tx, token) =>
        {
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(ActiveNameTaken, bucket, tx, cancellationToken: token)))
            {
                return false;
            }

            if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountActive, transaction: tx, cancellationToken: token)) >= BucketRules.MaxActiveBuckets)
            {
                throw BucketRules.TooManyBuckets();
            }

            const string insert = """
                INSERT INTO buckets (id, name, bucket_type, monthly_limit, priority, rollover, notes, status, created_at, updated_at)
                VALUES (@Id, @Name, @BucketType, @MonthlyLimit, @Priority, @Rollover, @Notes, @Status, @CreatedAt, @UpdatedAt)
                """;
            await connection.ExecuteAsync(new CommandDefinition(insert, bucket, tx, cancellationToken: token));
            await Outbox.AppendAsync(connection, tx, created, token);
            return true;
        }, ct);

    /// <summary>
    /// Reads the bucket, applies <paramref name="change"/> and stores the result, all in one write so
    /// concurrent changes cannot interleave, with the event <paramref name="describe"/> makes of it. Null
    /// when there is no such bucket; throws <see cref="BucketRules.NameTaken"/> (a 409) when the new state would
    /// duplicate an active name, and <see cref="BucketRules.TooManyBuckets"/> when reactivating it would exceed
    /// the active buckets allowed.
    /// </summary>
    public Task<Bucket?> UpdateAsync(string id, Func<Bucket, Bucket> change, Func<Bucket, Bucket, MoneyEvent> describe, CancellationToken ct) =>
        WriteAndTouchAsync(async (connection, tx, token) =>
        {
            var current = await connection.QuerySingleOrDefaultAsync<Bucket>(
                new CommandDefinition($"SELECT {BucketColumns} FROM buckets WHERE id = @Id", new { Id = id }, tx, cancellationToken: token));
            if (current is null)
            {
                return null;
            }

            var updated = change(current);
            if (updated.Status == BucketValues.Active
                && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(ActiveNameTaken, updated, tx, cancellationToken: token)))
            {
                throw BucketRules.NameTaken(updated.Name);
            }

            if (current.Status != BucketValues.Active && updated.Status == BucketValues.Active
                && await connection.ExecuteScalarAsync<int>(new CommandDefinition(CountActive, transaction: tx, cancellationToken: token)) >= BucketRules.MaxActiveBuckets)
            {
                throw BucketRules.TooManyBuckets();
            }

            const string update = """
                UPDATE buckets SET name = @Name, bucket_type = @BucketType, monthly_limit = @MonthlyLimit, priority = @Priority,
                    rollover = @Rollover, notes = @Notes, status = @Status, updated_at = @UpdatedAt
                WHERE id = @Id
                """;
            await connection.ExecuteAsync(new CommandDefinition(update, updated, tx, cancellationToken: token));
            await Outbox.AppendAsync(connection, tx, describe(current, updated), token);
            return updated;
        }, ct);

    /// <summary>Sets (or with null, clears) a month's allocation, with its event; returns the bucket as it was, null when unknown.</summary>
    public Task<Bucket?> SetAllocationAsync(string bucketId, Month month, Money? amount, DateTimeOffset now, MoneyEvent allocated, CancellationToken ct) =>
        WriteAndTouchAsync(async (connection, tx, token) =>
        {
            var bucket = await connection.QuerySingleOrDefaultAsync<Bucket>(
                new CommandDefinition($"SELECT {BucketColumns} FROM buckets WHERE id = @Id", new { Id = bucketId }, tx, cancellationToken: token));
            if (bucket is null || bucket.Status != BucketValues.Active)
            {
                return bucket;
            }

            var sql = amount is null
                ? "DELETE FROM allocations WHERE month = @Month AND bucket_id = @BucketId"
                : """
                  INSERT INTO allocations (month, bucket_id, amount, updated_at) VALUES (@Month, @BucketId, @Amount, @Now)
                  ON CONFLICT (month, bucket_id) DO UPDATE SET amount = excluded.amount, updated_at = excluded.updated_at
                  """;
            await connection.ExecuteAsync(new CommandDefinition(sql, new { Month = month, BucketId = bucketId, Amount = amount ?? Money.Zero, Now = now }, tx, cancellationToken: token));
            await Outbox.AppendAsync(connection, tx, allocated, token);
            return bucket;
        }, ct);

    /// <summary>Every allocation from <paramref name="from"/> to <paramref name="to"/>: one range scan of the primary key.</summary>
    public Task<IReadOnlyList<AllocationRow>> AllocationsAsync(Month from, Month to, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<AllocationRow>>(async (connection, token) =>
        {
            const string sql = "SELECT bucket_id, month, amount FROM allocations WHERE month BETWEEN @From AND @To";
            return [.. await connection.QueryAsync<AllocationRow>(new CommandDefinition(sql, new { From = from, To = to }, cancellationToken: token))];
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
