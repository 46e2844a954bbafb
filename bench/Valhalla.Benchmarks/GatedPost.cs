using System.Net.Http.Json;

namespace Valhalla.Benchmarks;

/// <summary>
/// What the obligation gate costs a write: POST /core/transactions at 1 client of a priority C expense,
/// which the transactions pack checks against the obligations pack's coverage of its month (50
/// obligations, all paid, so it passes), against the same POST with priority A, which is not gated.
/// Same host, same bucket and month; the two take turns in blocks with GET /core/obligations/months of that month. Budget: at most 1.25×.
/// </summary>
internal static class GatedPost
{
    public static async Task RunAsync(Options options, Report report)
    {
        using var valhalla = new ValhallaInstance().WithPacks("Valhalla.Packs.Budget", "Valhalla.Packs.Transactions", "Valhalla.Packs.Obligations");
        await using var host = await valhalla.StartAsync();
        using var http = valhalla.Client(host);
        var bills = await ValhallaInstance.CreateBucketAsync(http, "Bills");
        var fun = await ValhallaInstance.CreateBucketAsync(http, "Fun");
        var obligations = await Obligations.CreateAsync(http, [bills]);
        await Obligations.PayAsync(http, obligations, [bills]);

        var sequence = 0;
        Func<Task> Post(string priority) => async () => (await http.PostAsJsonAsync("core/transactions", new
        {
            tx_type = "expense",
            amount = 1 + (++sequence % 1000) / 100m,
            date = $"{ReadPath.Month}-15",
            bucket_id = fun,
            priority,
        })).EnsureSuccessStatusCode();

        // The third call, what the gate asks the obligations pack for, explains the difference.
        var medians = await ReadPath.InterleavedMediansAsync(options.Rounds,
        [
            Post("C"),
            Post("A"),
            async () => (await http.GetAsync($"core/obligations/months?month={ReadPath.Month}")).EnsureSuccessStatusCode(),
        ]);
        report.AddLatency($"gate, priority C expense (checked against {Obligations.Count} covered obligations) vs priority A (not gated), 1 client", medians[0], medians[1], 1.25);
        report.AddNote($"Gated POST: the obligations month view the gate computes took {Stats.Spread(medians[2], "F2")} ms as a GET in the same run.");
    }
}
