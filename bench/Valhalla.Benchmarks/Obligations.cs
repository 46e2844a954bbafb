using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Valhalla.Benchmarks;

/// <summary>
/// A household's obligations for the obligation benchmarks: <see cref="Count"/> monthly obligations
/// (days 1–28, each drawing on one of the given buckets, the first due in <see cref="ReadPath.Month"/>, so
/// that no earlier occurrence left unpaid takes its payment) and, in <see cref="ReadPath.Month"/>, a
/// payment of each linked to it, so that the month is covered and a priority C expense in it passes.
/// </summary>
internal static class Obligations
{
    public const int Count = 50;

    public static async Task<IReadOnlyList<string>> CreateAsync(HttpClient client, IReadOnlyList<string> buckets)
    {
        var ids = new List<string>();
        for (var i = 0; i < Count; i++)
        {
            var response = await client.PostAsJsonAsync("core/obligations", new
            {
                name = $"Obligation {i:D2}",
                amount = Amount(i),
                bucket_id = buckets[i % buckets.Count],
                priority = i % 2 == 0 ? "A" : "B",
                recurrence = new { frequency = "monthly", day = Day(i), start_date = $"{ReadPath.Month}-01" },
            });
            response.EnsureSuccessStatusCode();
            ids.Add((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        }

        return ids;
    }

    /// <summary>Pays every obligation on its due day in <see cref="ReadPath.Month"/>, then checks the month is covered.</summary>
    public static async Task PayAsync(HttpClient client, IReadOnlyList<string> obligations, IReadOnlyList<string> buckets)
    {
        for (var i = 0; i < obligations.Count; i++)
        {
            var response = await client.PostAsJsonAsync("core/transactions", new
            {
                tx_type = "expense",
                amount = Amount(i),
                date = $"{ReadPath.Month}-{Day(i):D2}",
                bucket_id = buckets[i % buckets.Count],
                priority = "A",
                links = new { obligation_id = obligations[i] },
            });
            response.EnsureSuccessStatusCode();
        }

        var month = (await client.GetFromJsonAsync<JsonObject>($"core/obligations/months?month={ReadPath.Month}"))!;
        var occurrences = month["occurrences"]!.AsArray().Count;
        if (!(bool)month["covered"]! || occurrences != obligations.Count)
        {
            throw new InvalidOperationException($"{ReadPath.Month} shows {occurrences} occurrences, covered: {month["covered"]}; the benchmark needs {obligations.Count}, all paid: {month["uncovered"]}");
        }
    }

    private static int Amount(int i) => 10 + i;

    private static int Day(int i) => 1 + (i % 28);
}
