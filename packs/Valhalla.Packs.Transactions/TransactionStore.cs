using System.Data.Common;
using Dapper;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Stores;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>The ledger and its idempotency keys: Dapper and SQL, no rules.</summary>
public sealed class TransactionStore(IPackDatabase database, LedgerChanges changes)
{
    private const string Columns = """
        id, tx_type, amount, date, description, bucket_id,
        priority, links, status, void_reason, voided_at,
        created_at, updated_at
        """;

    public Task<Transaction?> FindAsync(string id, CancellationToken ct) =>
        database.ReadAsync((connection, token) => connection.QuerySingleOrDefaultAsync<Transaction>(
            new CommandDefinition($"SELECT {Columns} FROM transactions WHERE id = @Id", new { Id = id }, cancellationToken: token)), ct);

    /// <summary>
    /// The transaction a key created at or after <paramref name="notBefore"/>, with the hash of the
    /// request that created it; an older key is expired and counts as free.
    /// </summary>
    public Task<(string RequestHash, Transaction Transaction)?> FindByKeyAsync(string key, DateTimeOffset notBefore, CancellationToken ct) =>
        database.ReadAsync((connection, token) => FindByKeyAsync(connection, null, key, notBefore, token), ct);

    /// <summary>
    /// Inserts the transaction, and its idempotency key when given, in one write. When the key is
    /// already taken since <paramref name="keysNotBefore"/> (a concurrent retry), nothing is inserted
    /// and the earlier transaction is returned; an expired key is taken over. Throws
    /// <see cref="TransactionRules.BucketMonthFull"/> (a 400 on amount) when an expense would take its bucket's month past the ceiling.
    /// </summary>
    public async Task<(bool Inserted, string? RequestHash, Transaction Transaction)> InsertAsync(
        Transaction transaction, string? key, string? requestHash, DateTimeOffset keysNotBefore, MoneyEvent posted, CancellationToken ct)
    {
        try
        {
            return await database.WriteAsync((connection, tx, token) => InsertAsync(connection, tx, transaction, key, requestHash, keysNotBefore, posted, token), ct);
        }
        finally
        {
            changes.Touched(transaction);
        }
    }

    private static async Task<(bool Inserted, string? RequestHash, Transaction Transaction)> InsertAsync(DbConnection connection, DbTransaction tx,
        Transaction transaction, string? key, string? requestHash, DateTimeOffset keysNotBefore, MoneyEvent posted, CancellationToken token)
    {
        if (key is not null && await FindByKeyAsync(connection, tx, key, keysNotBefore, token) is { } earlier)
        {
            return (false, earlier.RequestHash, earlier.Transaction);
        }

        if (transaction is { TxType: TxValues.Expense, BucketId: not null })
        {
            var spent = new Money(await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                BucketMonthSpentSql, new { transaction.BucketId, Month = Month.Of(transaction.Date) }, tx, cancellationToken: token)));
            if (spent + transaction.Amount > Money.MaxAmount)
            {
                throw TransactionRules.BucketMonthFull(transaction.BucketId, Month.Of(transaction.Date), spent);
            }
        }

        const string insert = """
            INSERT INTO transactions (id, tx_type, amount, date, description, bucket_id, priority, links, status, created_at, updated_at)
            VALUES (@Id, @TxType, @Amount, @Date, @Description, @BucketId, @Priority, @Links, @Status, @CreatedAt, @UpdatedAt)
            """;
        await connection.ExecuteAsync(new CommandDefinition(insert, transaction, tx, cancellationToken: token));
        if (key is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO idempotency_keys (key, request_hash, tx_id, created_at) VALUES (@Key, @RequestHash, @TxId, @CreatedAt)
                ON CONFLICT (key) DO UPDATE SET request_hash = excluded.request_hash, tx_id = excluded.tx_id, created_at = excluded.created_at
                """,
                new { Key = key, RequestHash = requestHash, TxId = transaction.Id, transaction.CreatedAt }, tx, cancellationToken: token));
        }

        await Outbox.AppendAsync(connection, tx, posted, token);
        return (true, requestHash, transaction);
    }

    /// <summary>Deletes up to <paramref name="max"/> keys created before <paramref name="before"/>; returns how many.</summary>
    public Task<int> PurgeKeysAsync(DateTimeOffset before, int max, CancellationToken ct) =>
        database.WriteAsync((connection, tx, token) => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_keys WHERE key IN (SELECT key FROM idempotency_keys WHERE created_at < @Before LIMIT @Max)",
            new { Before = before, Max = max }, tx, cancellationToken: token)), ct);

    /// <summary>Marks a posted transaction void, with the event <paramref name="describe"/> makes of it; returns it as it was before, or null when unknown.</summary>
    public async Task<Transaction?> VoidAsync(string id, string? reason, DateTimeOffset now, Func<Transaction, MoneyEvent> describe, CancellationToken ct)
    {
        Transaction? voided = null;
        var known = false;
        try
        {
            return await database.WriteAsync(async (connection, tx, token) =>
            {
                var current = await connection.QuerySingleOrDefaultAsync<Transaction>(
                    new CommandDefinition($"SELECT {Columns} FROM transactions WHERE id = @Id", new { Id = id }, tx, cancellationToken: token));
                if (current?.Status == TxValues.PostedStatus)
                {
                    voided = current;
                    const string update = "UPDATE transactions SET status = 'void', void_reason = @Reason, voided_at = @Now, updated_at = @Now WHERE id = @Id";
                    await connection.ExecuteAsync(new CommandDefinition(update, new { Id = id, Reason = reason, Now = now }, tx, cancellationToken: token));
                    await Outbox.AppendAsync(connection, tx, describe(current), token);
                }

                known = true;
                return current;
            }, ct);
        }
        finally
        {
            // Nothing voided changes nothing; a write that failed half-way may have changed anything.
            if (voided is not null || !known)
            {
                changes.Touched(voided);
            }
        }
    }

    /// <summary>A page, newest first, and the number of rows matching the filter.</summary>
    public Task<(IReadOnlyList<Transaction> Items, int Total)> ListAsync(TransactionFilter filter, CancellationToken ct) =>
        database.ReadAsync<(IReadOnlyList<Transaction>, int)>(async (connection, token) =>
        {
            var args = new
            {
                filter.TxType,
                filter.Status,
                filter.BucketId,
                filter.Limit,
                filter.Offset,
                From = filter.Month?.FirstDay,
                To = filter.Month?.LastDay,
            };
            var where = Where(filter);
            var page = await connection.QueryAsync<Transaction>(new CommandDefinition(
                $"SELECT {Columns} FROM transactions {where} ORDER BY date DESC, created_at DESC, id DESC LIMIT @Limit OFFSET @Offset",
                args, cancellationToken: token));
            var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT count(*) FROM transactions {where}", args, cancellationToken: token));
            return ([.. page], total);
        }, ct);

    /// <summary>Posted expenses per bucket per month: one range scan of ix_transactions_spent_by_month, already in group order.</summary>
    public Task<IReadOnlyList<BucketSpend>> SpentAsync(Month from, Month to, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<BucketSpend>>(async (connection, token) =>
        {
            var rows = await connection.QueryAsync<(string BucketId, string Month, long Spent)>(new CommandDefinition(SpentSql, new { From = from, To = to }, cancellationToken: token));
            return [.. rows.Select(r => new BucketSpend(r.BucketId, Month.Parse(r.Month), new Money(r.Spent)))];
        }, ct);

    // Only the conditions of the filters given, so SQLite can pick the bucket or date index; the
    // fragments are fixed text and every value stays a parameter.
    internal static string Where(TransactionFilter filter)
    {
        List<string> conditions = [];
        if (filter.TxType is not null)
        {
            conditions.Add("tx_type = @TxType");
        }

        if (filter.Status is not null)
        {
            conditions.Add("status = @Status");
        }

        if (filter.BucketId is not null)
        {
            conditions.Add("bucket_id = @BucketId");
        }

        if (filter.Month is not null)
        {
            conditions.Add("date BETWEEN @From AND @To");
        }

        return conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
    }

    /// <summary>
    /// Spent per bucket per month from month <c>@From</c> to month <c>@To</c> (<c>YYYY-MM</c>, inclusive).
    /// The month is written exactly as the index expression, so SQLite uses the index.
    /// </summary>
    public const string SpentSql = """
        SELECT bucket_id, substr(date, 1, 7), SUM(amount)
        FROM transactions
        WHERE status = 'posted' AND tx_type = 'expense' AND bucket_id IS NOT NULL AND substr(date, 1, 7) BETWEEN @From AND @To
        GROUP BY substr(date, 1, 7), bucket_id
        """;

    // One bucket's posted expenses in one month: a range scan of ix_transactions_spent_by_month.
    private const string BucketMonthSpentSql = """
        SELECT COALESCE(SUM(amount), 0)
        FROM transactions
        WHERE status = 'posted' AND tx_type = 'expense' AND bucket_id = @BucketId AND substr(date, 1, 7) = @Month
        """;

    private static async Task<(string RequestHash, Transaction Transaction)?> FindByKeyAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? tx, string key, DateTimeOffset notBefore, CancellationToken token)
    {
        var hash = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT request_hash FROM idempotency_keys WHERE key = @Key AND created_at >= @NotBefore",
            new { Key = key, NotBefore = notBefore }, tx, cancellationToken: token));
        if (hash is null)
        {
            return null;
        }

        var transaction = await connection.QuerySingleAsync<Transaction>(new CommandDefinition(
            $"SELECT {Columns} FROM transactions WHERE id = (SELECT tx_id FROM idempotency_keys WHERE key = @Key)", new { Key = key }, tx, cancellationToken: token));
        return (hash, transaction);
    }
}
