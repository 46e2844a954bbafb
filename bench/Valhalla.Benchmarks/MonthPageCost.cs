namespace Valhalla.Benchmarks;

/// <summary>
/// The budget's month page (HTML, rendered by the pack with the Kit's HtmlBuilder and wrapped in the
/// host's shell) against the JSON month snapshot it shows, for 100 buckets and the same ledger, same run.
/// Budget: the page costs at most twice the snapshot.
/// </summary>
internal static class MonthPageCost
{
    private const int Buckets = 100;
    private const int LedgerRows = 10_000;

    public static async Task RunAsync(Options options, Report report)
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

        await ReadPath.SeedAsync(Path.Combine(valhalla.Root, "transactions", "transactions.db"), LedgerRows, buckets);
        await using var host = await valhalla.StartAsync();
        using var http = valhalla.Client(host);
        var page = await http.GetStringAsync($"core/budget/pages/month?month={ReadPath.Month}");
        if (page.Split("data-bucket-id=").Length - 1 != Buckets)
        {
            throw new InvalidOperationException($"The month page did not show {Buckets} bucket rows: the comparison would measure nothing.");
        }

        Func<Task>[] calls =
        [
            async () => (await http.GetAsync($"core/budget/pages/month?month={ReadPath.Month}")).EnsureSuccessStatusCode(),
            async () => (await http.GetAsync($"core/budget/months?month={ReadPath.Month}")).EnsureSuccessStatusCode(),
        ];
        var medians = await ReadPath.InterleavedMediansAsync(options.Rounds, calls);
        report.AddNote($"Month page: {page.Length / 1024.0:F0} KiB of HTML for {Buckets} buckets.");
        report.AddLatency($"page, budget month HTML vs JSON snapshot, {Buckets} buckets, {LedgerRows:N0}-row ledger", medians[0], medians[1], 2.0);
    }
}
