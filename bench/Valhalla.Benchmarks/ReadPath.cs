using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Valhalla.Packs.Transactions;

namespace Valhalla.Benchmarks;

/// <summary>
/// GET /core/budget/months for a month holding the same rows in a small and a large ledger, against
/// the raw spent aggregate run directly on the same file in this process, and (no target: the floor
/// any HTTP answer pays) the same aggregate served by a bare minimal API.
/// </summary>
internal static class ReadPath
{
    private const int Buckets = 100;
    private const int MonthRows = 5_000;
    internal const string Month = "2026-06";
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
            using var client = valhalla.Client(first);
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
        await using var floor = await ServerProcess.StartAsync(typeof(ReadPath).Assembly.Location, ["serve-raw-read", ledger], "health");
        using var http = valhalla.Client(host);
        using var floorHttp = new HttpClient { BaseAddress = floor.Address };
        await using var raw = new SqliteConnection($"Data Source={ledger};Mode=ReadOnly");
        await raw.OpenAsync();
        await using var query = raw.CreateCommand();
        query.CommandText = TransactionStore.SpentSql;
        query.Parameters.AddWithValue("@From", Month);
        query.Parameters.AddWithValue("@To", Month);
        if (await RunRawAsync(query) is var rows and not Buckets)
        {
            throw new InvalidOperationException($"The raw aggregate returned {rows} rows for {Month}, not one per bucket ({Buckets}): the baseline would measure nothing.");
        }

        Func<Task>[] calls =
        [
            async () => (await http.GetAsync($"core/budget/months?month={Month}")).EnsureSuccessStatusCode(),
            () => RunRawAsync(query),
            async () => (await floorHttp.GetAsync($"spent?month={Month}")).EnsureSuccessStatusCode(),
        ];
        var medians = await InterleavedMediansAsync(options.Rounds, calls);

        report.AddLatency($"read, month snapshot, {ledgerRows:N0}-row ledger, {Buckets} buckets", medians[0], medians[1], 1.5);
        report.AddLatency($"read, month snapshot vs the raw aggregate served by a bare minimal API, {ledgerRows:N0}-row ledger", medians[0], medians[2], null);
        return medians[0];
    }

    /// <summary>
    /// Per round, the median of each call over <see cref="RequestsPerRound"/> requests. The calls take
    /// turns in short blocks of back-to-back requests, so that every side meets the same moments of a
    /// shared machine while staying warm; the first request of each block, which pays for waking its
    /// side after the others ran, is not counted.
    /// </summary>
    internal static async Task<List<double>[]> InterleavedMediansAsync(int rounds, IReadOnlyList<Func<Task>> calls)
    {
        const int Block = 10;

        // Tiered compilation reaches the host's steady state only after about 1,200 snapshots (some
        // 3 s); measured before that, the snapshot is twice as slow as it will run for its lifetime.
        const int WarmUp = 1_500;
        for (var i = 0; i < WarmUp; i++)
        {
            foreach (var call in calls)
            {
                await call();
            }
        }

        var medians = calls.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            var samples = calls.Select(_ => new List<double>(RequestsPerRound)).ToArray();
            for (var block = 0; block < RequestsPerRound / Block; block++)
            {
                for (var c = 0; c < calls.Count; c++)
                {
                    await calls[c]();
                    for (var i = 0; i < Block; i++)
                    {
                        var started = Stopwatch.GetTimestamp();
                        await calls[c]();
                        samples[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }
            }

            for (var c = 0; c < calls.Count; c++)
            {
                medians[c].Add(Stats.Median(samples[c]));
            }
        }

        return medians;
    }

    private static async Task<int> RunRawAsync(SqliteCommand query)
    {
        var rows = 0;
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows++;
        }

        return rows;
    }

    /// <summary>
    /// Bulk insert in one transaction with one prepared command: <see cref="MonthRows"/> rows in the
    /// measured month, the rest spread over the 23 other months of 2025–2026.
    /// </summary>
    internal static async Task SeedAsync(string file, int rows, IReadOnlyList<string> buckets)
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
