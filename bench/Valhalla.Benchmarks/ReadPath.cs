using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Valhalla.Packs.Transactions;

namespace Valhalla.Benchmarks;

/// <summary>
/// GET /core/budget/months for a month holding the same rows in a small and a large ledger, against
/// the raw spent aggregate run directly on the same file.
/// </summary>
internal static class ReadPath
{
    private const int Buckets = 100;
    private const int MonthRows = 5_000;
    private const string Month = "2026-06";
    private const int RequestsPerRound = 100;

    public static async Task RunAsync(Options options, Report report)
    {
        var small = await MeasureAsync(10_000, options, report);
        var large = await MeasureAsync(options.LargeLedgerRows, options, report);
        report.AddLatency($"read, {options.LargeLedgerRows:N0} vs 10,000-row ledger (same month rows)", large, small, 1.3);
    }

    private static async Task<IReadOnlyList<double>> MeasureAsync(int ledgerRows, Options options, Report report)
    {
        using var valhalla = new ValhallaInstance().WithPacks("Valhalla.Packs.Budget", "Valhalla.Packs.Transactions");
        var buckets = new List<string>();
        await using (var first = await valhalla.StartAsync())
        {
            using var client = new HttpClient { BaseAddress = first.Address };
            for (var i = 0; i < Buckets; i++)
            {
                buckets.Add(await ValhallaInstance.CreateBucketAsync(client, $"Bucket {i:D3}"));
            }
        }

        var ledger = Path.Combine(valhalla.Root, "transactions", "transactions.db");
        var seeding = Stopwatch.StartNew();
        await SeedAsync(ledger, ledgerRows, buckets);
        report.AddNote($"Seeded {ledgerRows:N0} transactions in {seeding.Elapsed.TotalSeconds:F1} s ({ledgerRows / seeding.Elapsed.TotalSeconds:N0} rows/s, one transaction).");

        await using var host = await valhalla.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Address };
        await using var raw = new SqliteConnection($"Data Source={ledger};Mode=ReadOnly");
        await raw.OpenAsync();
        await using var query = raw.CreateCommand();
        query.CommandText = TransactionStore.SpentSql;
        query.Parameters.AddWithValue("@From", Month);
        query.Parameters.AddWithValue("@To", Month);

        for (var i = 0; i < 20; i++)
        {
            (await http.GetAsync($"core/budget/months?month={Month}")).EnsureSuccessStatusCode();
            await RunRawAsync(query);
        }

        var ours = new List<double>();
        var theirs = new List<double>();
        for (var round = 0; round < options.Rounds; round++)
        {
            ours.Add(await MedianMsAsync(async () => (await http.GetAsync($"core/budget/months?month={Month}")).EnsureSuccessStatusCode()));
            theirs.Add(await MedianMsAsync(() => RunRawAsync(query)));
        }

        report.AddLatency($"read, month snapshot, {ledgerRows:N0}-row ledger, {Buckets} buckets", ours, theirs, 1.5);
        return ours;
    }

    private static async Task<double> MedianMsAsync(Func<Task> call)
    {
        var samples = new List<double>(RequestsPerRound);
        for (var i = 0; i < RequestsPerRound; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Stats.Median(samples);
    }

    private static async Task RunRawAsync(SqliteCommand query)
    {
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    /// <summary>
    /// Bulk insert in one transaction with one prepared command: <see cref="MonthRows"/> rows in the
    /// measured month, the rest spread over the 23 other months of 2025–2026.
    /// </summary>
    private static async Task SeedAsync(string file, int rows, IReadOnlyList<string> buckets)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using (var pragmas = connection.CreateCommand())
        {
            // Seeding only: a cache large enough for the four indexes of a million rows keeps the bulk
            // insert from thrashing; the data is test data, so one final fsync is enough.
            pragmas.CommandText = "PRAGMA cache_size = -262144; PRAGMA synchronous = OFF;";
            await pragmas.ExecuteNonQueryAsync();
        }

        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO transactions (id, tx_type, amount, date, bucket_id, priority, status, created_at, updated_at)
            VALUES ($id, 'expense', $amount, $date, $bucket, 'B', 'posted', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var amount = insert.Parameters.Add("$amount", SqliteType.Integer);
        var date = insert.Parameters.Add("$date", SqliteType.Text);
        var bucket = insert.Parameters.Add("$bucket", SqliteType.Text);
        insert.Prepare();
        var otherMonths = Enumerable.Range(0, 24).Select(m => new DateOnly(2025, 1, 1).AddMonths(m)).Where(d => d.ToString("yyyy-MM") != Month).ToArray();
        for (var i = 0; i < rows; i++)
        {
            var first = i < MonthRows ? new DateOnly(2026, 6, 1) : otherMonths[i % otherMonths.Length];
            id.Value = $"tx_{i:x12}";
            amount.Value = 100 + (i % 9_900);
            date.Value = first.AddDays(i % 28).ToString("yyyy-MM-dd");
            bucket.Value = buckets[i % buckets.Count];
            insert.ExecuteNonQuery();
        }

        await transaction.CommitAsync();
    }
}
