using System.Text;
using Dapper;
using Sylvan.Data.Csv;
using Valhalla.Contracts.Stores;

namespace Valhalla.Packs.Transactions;

/// <summary>
/// Writes every transaction matching a filter as CSV, straight from the database reader to the
/// response: one row in memory at a time, whatever the ledger's size. The <c>import_id</c> column
/// (the row's import id, or its transaction id) is what the importer recognises, so an export
/// imported back creates nothing new; the <c>links</c> column (the stored JSON object, e.g.
/// <c>{"obligation_id":"ob_…"}</c>) carries which expense paid which obligation into another ledger.
/// </summary>
public sealed class TransactionExport(IPackDatabase database)
{
    public const string ContentType = "text/csv; charset=utf-8";

    // Oldest first, as banks write them: ix_transactions_newest (or _bucket) read backwards, no sort.
    // The amount is made text in SQL from integer minor units, exactly (never through a float);
    // json_patch drops the links' null members, so the cell holds only the ids there are. Every
    // computed column is text, never NULL: a NULL in a column with no declared type reads back as a
    // blob type, and the CSV writer's blob path asks SQLite for column metadata of an expression,
    // which crashed the process (SIGSEGV in sqlite3_table_column_metadata).
    private const string Sql = """
        SELECT COALESCE(import_id, id) AS import_id, date, tx_type,
            (amount / 100) || '.' || substr('0' || (amount % 100), -2) AS amount,
            description, bucket_id, priority, COALESCE(NULLIF(json_patch('{{}}', links), '{{}}'), '') AS links, status, id
        FROM transactions {0}
        ORDER BY date, created_at, id
        """;

    public Task WriteAsync(TransactionFilter filter, Stream body, CancellationToken ct) =>
        database.ReadAsync<bool>(async (connection, token) =>
        {
            var args = new { filter.TxType, filter.Status, filter.BucketId, From = filter.Month?.FirstDay, To = filter.Month?.LastDay };
            await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, TransactionStore.Where(filter)), args, cancellationToken: token));
            await using var text = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
            await using (var csv = CsvDataWriter.Create(text, new CsvDataWriterOptions { NewLine = "\r\n" }))
            {
                await csv.WriteAsync(reader, token);
            }

            // Disposing text flushes it to the body; the bool only fits ReadAsync<T>.
            return true;
        }, ct);
}
