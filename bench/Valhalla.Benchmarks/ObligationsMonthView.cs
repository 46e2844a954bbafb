using System.Diagnostics;

namespace Valhalla.Benchmarks;

/// <summary>
/// GET /core/obligations/months for <see cref="ReadPath.Month"/> (50 obligations, each paid in it by a
/// linked expense) against the budget's month snapshot of the same month (100 buckets), over the same
/// ledger of <c>--rows</c> transactions (1,000,000 by default), same host, taking turns in blocks.
/// Budget: under 2×. A second row, without a target, shows the current month, where the obligations
/// still to come make the view read the buckets' remaining money from the budget.
/// </summary>
internal static class ObligationsMonthView
{
    private const int Buckets = 100;

    public static async Task RunAsync(Options options, Report report)
    {
        using var valhalla = new ValhallaInstance().WithPacks("Valhalla.Packs.Budget", "Valhalla.Packs.Transactions", "Valhalla.Packs.Obligations");
        var buckets = new List<string>();
        IReadOnlyList<string> obligations;
        await using (var first = await valhalla.StartAsync())
        {
            using var client = valhalla.Client(first);
            for (var i = 0; i < Buckets; i++)
            {
                buckets.Add(await ValhallaInstance.CreateBucketAsync(client, $"Bucket {i:D3}"));
            }

            obligations = await Obligations.CreateAsync(client, buckets);
        }

        var seeding = Stopwatch.StartNew();
        await ReadPath.SeedAsync(Path.Combine(valhalla.Root, "transactions", "transactions.db"), options.LargeLedgerRows, buckets);
        report.AddNote($"Obligations month view: seeded {options.LargeLedgerRows:N0} transactions in {seeding.Elapsed.TotalSeconds:F1} s.");
        await using var host = await valhalla.StartAsync();
        using var http = valhalla.Client(host);
        await Obligations.PayAsync(http, obligations, buckets);

        await CompareAsync(http, ReadPath.Month, $"obligations month view ({Obligations.Count} obligations, all paid) vs budget month snapshot ({Buckets} buckets), {options.LargeLedgerRows:N0}-row ledger", 2.0, options, report);
        var current = TimeProvider.System.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await CompareAsync(http, current, $"the same for the current month ({current}: obligations to come, so the view reads the buckets' remaining money)", null, options, report);
    }

    private static async Task CompareAsync(HttpClient http, string month, string what, double? atMost, Options options, Report report)
    {
        Func<Task>[] calls =
        [
            async () => (await http.GetAsync($"core/obligations/months?month={month}")).EnsureSuccessStatusCode(),
            async () => (await http.GetAsync($"core/budget/months?month={month}")).EnsureSuccessStatusCode(),
        ];
        var medians = await ReadPath.InterleavedMediansAsync(options.Rounds, calls);
        report.AddLatency(what, medians[0], medians[1], atMost);
    }
}
