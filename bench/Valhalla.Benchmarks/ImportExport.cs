using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Valhalla.Benchmarks;

/// <summary>
/// CSV import of <c>--import-rows</c> rows through <c>POST /core/transactions/import</c> against posting
/// the same rows into the same schema directly (batches of <see cref="Batch"/> rows per transaction, each
/// row with its outbox event, as the store writes a post), and the CSV export of a <c>--rows</c> ledger,
/// streamed. Memory is the host's peak resident set (VmHWM) before and after.
/// </summary>
internal static class ImportExport
{
    private const int Batch = 1_000;

    public static async Task RunAsync(Options options, Report report)
    {
        await ImportAsync(options, report);
        await ExportAsync(options, report);
    }

    private static async Task ImportAsync(Options options, Report report)
    {
        var csv = Csv(options.ImportRows);
        var imports = new List<double>();
        var direct = new List<double>();
        for (var round = 0; round < options.Rounds; round++)
        {
            using var valhalla = new ValhallaInstance().WithPacks("Valhalla.Packs.Transactions");
            await using (var host = await valhalla.StartAsync("--Valhalla:PackRequestTimeoutMs=0", "--Valhalla:DeliverEvents=false"))
            {
                using var client = valhalla.Client(host);
                client.Timeout = Timeout.InfiniteTimeSpan;
                var before = host.PeakMemoryMiB;
                var clock = Stopwatch.StartNew();
                using var content = new ByteArrayContent(csv);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
                (await client.PostAsync("core/transactions/import", content)).EnsureSuccessStatusCode();
                imports.Add(options.ImportRows / clock.Elapsed.TotalSeconds);
                report.AddNote($"Import round {round + 1}: {options.ImportRows:N0} rows ({csv.Length / 1048576.0:F1} MiB) in {clock.Elapsed.TotalSeconds:F2} s; host peak memory {before:F0} → {host.PeakMemoryMiB:F0} MiB.");
            }

            direct.Add(await PostDirectlyAsync(Path.Combine(valhalla.Root, "transactions", "transactions.db"), options.ImportRows));
        }

        report.AddRate($"import, {options.ImportRows:N0} CSV rows vs posting them directly in batches of {Batch:N0}", imports, direct, 0.5, "rows/s");
    }

    private static async Task ExportAsync(Options options, Report report)
    {
        using var valhalla = new ValhallaInstance().WithPacks("Valhalla.Packs.Transactions");
        await (await valhalla.StartAsync()).DisposeAsync();
        await ReadPath.SeedAsync(Path.Combine(valhalla.Root, "transactions", "transactions.db"), options.LargeLedgerRows, ["bk_000000000001", "bk_000000000002"]);

        await using var host = await valhalla.StartAsync("--Valhalla:PackRequestTimeoutMs=0");
        using var client = valhalla.Client(host);
        client.Timeout = Timeout.InfiniteTimeSpan;
        var rates = new List<double>();
        var peaks = new List<double> { host.PeakMemoryMiB };
        for (var round = 0; round < options.Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync("core/transactions?format=csv", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            var lines = await CountLinesAsync(await response.Content.ReadAsStreamAsync());
            if (lines != options.LargeLedgerRows + 1)
            {
                throw new InvalidOperationException($"The export had {lines} lines, not {options.LargeLedgerRows + 1}.");
            }

            rates.Add(options.LargeLedgerRows / clock.Elapsed.TotalSeconds);
            peaks.Add(host.PeakMemoryMiB);
        }

        report.AddRate($"export, {options.LargeLedgerRows:N0}-row ledger as CSV (no baseline)", rates, rates, null, "rows/s");
        report.AddNote($"Export: host peak memory {string.Join(" → ", peaks.Select(p => p.ToString("F0", CultureInfo.InvariantCulture)))} MiB (before, then after each export of {options.LargeLedgerRows:N0} rows).");
    }

    /// <summary>Rows/s posting <paramref name="rows"/> rows into the pack's own schema on the import's file (migrated, synchronous=FULL, WAL), one transaction per batch.</summary>
    private static async Task<double> PostDirectlyAsync(string file, int rows)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; DELETE FROM outbox; DELETE FROM transactions;");
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < rows; start += Batch)
        {
            await using var tx = await connection.BeginTransactionAsync();
            var batch = Enumerable.Range(start, Math.Min(Batch, rows - start)).ToList();
            await connection.ExecuteAsync(
                """
                INSERT INTO transactions (id, tx_type, amount, date, description, bucket_id, priority, status, created_at, updated_at)
                VALUES (@Id, 'expense', @Amount, @Date, @Description, NULL, 'B', 'posted', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')
                """,
                batch.Select(i => new { Id = $"tx_{i:x12}", Amount = 100 + i, Date = Date(i), Description = $"Row {i}, card payment" }), tx);
            await connection.ExecuteAsync(
                """
                INSERT INTO outbox (id, pack, kind, subject_id, amount, at, detail, actor)
                VALUES (@Id, 'P-BUDGET-2', 'transaction.posted', @Subject, @Amount, '2026-01-01T00:00:00.000Z', 'expense', 'owner')
                """,
                batch.Select(i => new { Id = "ev_" + Guid.CreateVersion7().ToString("N"), Subject = $"tx_{i:x12}", Amount = 100 + i }), tx);
            await tx.CommitAsync();
        }

        return rows / clock.Elapsed.TotalSeconds;
    }

    private static byte[] Csv(int rows)
    {
        var text = new StringBuilder("date,amount,description\r\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Date(i)},-{(100 + i) / 100}.{(100 + i) % 100:D2},\"Row {i}, card payment\"\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Date(int i) => new DateOnly(2025, 1, 1).AddDays(i % 700).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<long> CountLinesAsync(Stream body)
    {
        var buffer = new byte[81920];
        long lines = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return lines;
    }
}
