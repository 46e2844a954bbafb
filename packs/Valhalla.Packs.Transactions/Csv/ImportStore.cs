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
public sealed class ImportStore(IPackDatabase database, LedgerChanges changes)
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

    public Task<HashSet<string>> FindExistingAsync(IEnumerable<string> importIds, CancellationToken ct) =>
        database.ReadAsync((connection, token) => ExistingAsync(connection, null, importIds, token), ct);

    /// <summary>
    /// Posts <paramref name="rows"/> in one write, each with the money event <paramref name="describe"/>
    /// makes of it. Rows whose import id arrived since they were checked (a concurrent import of the same
    /// file) are left out and returned. Throws a 400 on amount when the rows would
    /// take a bucket's month past the ceiling: then nothing is written.
    /// </summary>
    public async Task<IReadOnlyList<ImportRow>> InsertAsync(
        IReadOnlyList<ImportRow> rows, DateTimeOffset now, Func<ImportRow, string, MoneyEvent> describe, CancellationToken ct)
    {
        try
        {
            return await InsertRowsAsync(rows, now, describe, ct);
        }
        finally
        {
            changes.TouchedAll();
        }
    }

    private Task<IReadOnlyList<ImportRow>> InsertRowsAsync(
        IReadOnlyList<ImportRow> rows, DateTimeOffset now, Func<ImportRow, string, MoneyEvent> describe, CancellationToken ct) =>
        database.WriteAsync<IReadOnlyList<ImportRow>>(async (connection, tx, token) =>
        {
            var existing = await ExistingAsync(connection, tx, rows.Select(r => r.ImportId), token);
            var fresh = rows.Where(r => !existing.Contains(r.ImportId)).ToList();
            await CheckCeilingAsync(connection, tx, fresh, token);

            // Each row and its event are written as they are made, with two prepared commands: nothing is collected.
            await using var insert = ImportInsert.Prepare(connection, tx, now);
            await using var outbox = OutboxWriter.Prepare(connection, tx);
            foreach (var row in fresh)
            {
                var id = PrefixedId.New("tx");
                await insert.InsertAsync(id, row, token);
                await outbox.AppendAsync(describe(row, id), token);
            }

            return [.. rows.Where(r => existing.Contains(r.ImportId))];
        }, ct);

    // A thousand ids per query: small parameters (no large-object-heap text per file), still one index search per id.
    private static async Task<HashSet<string>> ExistingAsync(DbConnection connection, DbTransaction? tx, IEnumerable<string> importIds, CancellationToken token)
    {
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in importIds.Chunk(1000))
        {
            existing.UnionWith(await connection.QueryAsync<string>(new CommandDefinition(
                ExistingSql, new { Ids = JsonSerializer.Serialize(chunk) }, tx, cancellationToken: token)));
        }

        return existing;
    }

    // The same ceiling as one post (TransactionStore.InsertAsync), for the file's sums per bucket and month.
    private static async Task CheckCeilingAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<ImportRow> rows, CancellationToken token)
    {
        var added = new Dictionary<(string Bucket, Month Month), Money>();
        foreach (var row in rows.Where(r => r is { TxType: TxValues.Expense, BucketId: not null }))
        {
            var key = (row.BucketId!, Month.Of(row.Date));
            added[key] = added.GetValueOrDefault(key) + row.Amount;
        }

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
}
