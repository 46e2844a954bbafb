using System.Data.Common;
using System.Text.Json;
using Dapper;
using Valhalla.Contracts;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Stores;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>Imported rows in the ledger: which import ids it holds, and posting a whole file in one write. Dapper and SQL, no rules.</summary>
public sealed class ImportStore(IPackDatabase database)
{
    /// <summary>
    /// The ids of <paramref name="importIds"/> the ledger already holds, as an import id or as a
    /// transaction id (an export names a transaction posted through the API by its id). The ids travel
    /// as one JSON array, so a file of any size is one query, each id one search of an index.
    /// </summary>
    private const string ExistingSql = """
        SELECT value FROM json_each(@Ids)
        WHERE EXISTS (SELECT 1 FROM transactions WHERE import_id = value) OR EXISTS (SELECT 1 FROM transactions WHERE id = value)
        """;

    private const string InsertSql = """
        INSERT INTO transactions (id, tx_type, amount, date, description, bucket_id, priority, links, status, created_at, updated_at, import_id)
        VALUES (@Id, @TxType, @Amount, @Date, @Description, @BucketId, @Priority, @Links, 'posted', @CreatedAt, @CreatedAt, @ImportId)
        """;

    public Task<HashSet<string>> FindExistingAsync(IEnumerable<string> importIds, CancellationToken ct) =>
        database.ReadAsync((connection, token) => ExistingAsync(connection, null, importIds, token), ct);

    /// <summary>
    /// Posts <paramref name="rows"/> in one write, each with the money event <paramref name="describe"/>
    /// makes of it. Rows whose import id arrived since they were checked (a concurrent import of the same
    /// file) are left out and returned. Throws a 400 on amount when the rows would
    /// take a bucket's month past the ceiling: then nothing is written.
    /// </summary>
    public Task<IReadOnlyList<ImportRow>> InsertAsync(
        IReadOnlyList<ImportRow> rows, DateTimeOffset now, Func<ImportRow, string, MoneyEvent> describe, CancellationToken ct) =>
        database.WriteAsync<IReadOnlyList<ImportRow>>(async (connection, tx, token) =>
        {
            var existing = await ExistingAsync(connection, tx, rows.Select(r => r.ImportId), token);
            var fresh = rows.Where(r => !existing.Contains(r.ImportId)).ToList();
            await CheckCeilingAsync(connection, tx, fresh, token);

            var inserts = fresh.Select(r => new Insert(PrefixedId.New("tx"), r.TxType, r.Amount, r.Date, r.Description, r.BucketId, r.Priority, r.Links, now, r.ImportId)).ToList();
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, inserts, tx, cancellationToken: token));
            await Outbox.AppendAllAsync(connection, tx, fresh.Select((r, i) => describe(r, inserts[i].Id)), token);
            return [.. rows.Where(r => existing.Contains(r.ImportId))];
        }, ct);

    private static async Task<HashSet<string>> ExistingAsync(DbConnection connection, DbTransaction? tx, IEnumerable<string> importIds, CancellationToken token)
    {
        var found = await connection.QueryAsync<string>(new CommandDefinition(
            ExistingSql, new { Ids = JsonSerializer.Serialize(importIds) }, tx, cancellationToken: token));
        return new HashSet<string>(found, StringComparer.Ordinal);
    }

    // The same ceiling as one post (TransactionStore.InsertAsync), for the file's sums per bucket and month.
    private static async Task CheckCeilingAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<ImportRow> rows, CancellationToken token)
    {
        var added = rows.Where(r => r is { TxType: TxValues.Expense, BucketId: not null })
            .GroupBy(r => (Bucket: r.BucketId!, Month: Month.Of(r.Date)))
            .ToDictionary(g => g.Key, g => g.Aggregate(Money.Zero, (sum, r) => sum + r.Amount));
        if (added.Count == 0)
        {
            return;
        }

        var spent = (await connection.QueryAsync<(string BucketId, string Month, long Spent)>(new CommandDefinition(
                TransactionStore.SpentSql, new { From = added.Keys.Min(k => k.Month), To = added.Keys.Max(k => k.Month) }, tx, cancellationToken: token)))
            .ToDictionary(s => (s.BucketId, Month.Parse(s.Month)), s => new Money(s.Spent));
        foreach (var (key, more) in added)
        {
            var before = spent.GetValueOrDefault(key);
            if (before + more > Money.MaxAmount)
            {
                // Other posts may have landed since the preview: nothing of the file is written.
                throw PackProblemException.BadField(
                    "amount", $"bucket {key.Bucket} would hold more than {Money.MaxAmount} of expenses in {key.Month} (it held {before}); nothing was imported.");
            }
        }
    }

    private sealed record Insert(
        string Id, string TxType, Money Amount, DateOnly Date, string? Description, string? BucketId, string Priority, TxLinks? Links, DateTimeOffset CreatedAt, string ImportId);
}
