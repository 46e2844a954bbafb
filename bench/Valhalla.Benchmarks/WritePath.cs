using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Valhalla.Benchmarks;

/// <summary>
/// POST /core/transactions (an expense into a bucket) at 1, 16 and 64 clients, against the baseline
/// minimal API doing one INSERT per request in its own transaction with the same pragmas, and (no
/// target) against <see cref="SameWorkBaseline"/>, a bare minimal API doing the same database work.
/// </summary>
internal static class WritePath
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(Options options, Report report)
    {
        using var valhalla = new ValhallaInstance().WithPacks("Valhalla.Packs.Budget", "Valhalla.Packs.Transactions");
        var baselineFile = Path.Combine(valhalla.Root, "baseline.db");
        var sameWorkFile = Path.Combine(valhalla.Root, "same-work.db");
        await using var host = await valhalla.StartAsync();
        using var hostClient = valhalla.Client(host, Handler());
        var bucket = await ValhallaInstance.CreateBucketAsync(hostClient, "Groceries");
        await using var baseline = await ServerProcess.StartAsync(typeof(WritePath).Assembly.Location, ["serve-baseline", baselineFile], "health");
        await using var sameWork = await ServerProcess.StartAsync(
            typeof(WritePath).Assembly.Location, ["serve-same-work", sameWorkFile, Path.Combine(valhalla.Root, "same-work-budget.db"), bucket], "health");
        using var baselineClient = Client(baseline);
        using var sameWorkClient = Client(sameWork);
        Side[] sides = [new(hostClient), new(baselineClient), new(sameWorkClient)];

        // Every side to its tiered-JIT steady state first; these writes are acknowledged and counted too.
        foreach (var clients in new[] { 1, 16 })
        {
            foreach (var side in sides)
            {
                side.Acknowledged += (await LoadGenerator.RunAsync(side.Http, clients, WarmUp, i => Expense(i, bucket))).Ok;
            }
        }

        foreach (var clients in new[] { 1, 16, 64 })
        {
            var results = sides.Select(_ => new List<LoadGenerator.Result>()).ToArray();
            for (var round = 0; round < options.Rounds; round++)
            {
                for (var s = 0; s < sides.Length; s++)
                {
                    results[s].Add(await LoadGenerator.RunAsync(sides[s].Http, clients, options.Duration, i => Expense(i, bucket)));
                }
            }

            for (var s = 0; s < sides.Length; s++)
            {
                sides[s].Acknowledged += results[s].Sum(r => r.Ok);
            }

            report.AddThroughput($"write, {clients} client(s)", results[0], results[1], clients == 1 ? 0.8 : clients == 64 ? 3.0 : null);
            report.AddThroughput($"write, {clients} client(s), vs the same database work in a bare minimal API", results[0], results[2], null);
        }

        var stored = (long)(await hostClient.GetFromJsonAsync<JsonObject>("core/transactions?limit=1"))!["total"]!;
        report.AddNote($"Write path durability: Valhalla acknowledged {sides[0].Acknowledged} and stored {stored}; "
            + $"the baseline acknowledged {sides[1].Acknowledged} and stored {await CountAsync(baselineFile)}; "
            + $"the same-work baseline acknowledged {sides[2].Acknowledged} and stored {await CountAsync(sameWorkFile)}.");
    }

    private static async Task<long> CountAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM transactions");
    }

    internal static HttpRequestMessage Expense(int i, string bucket) => new(HttpMethod.Post, "core/transactions")
    {
        Content = JsonContent.Create(new { tx_type = "expense", amount = 1 + (i % 1000) / 100m, date = "2026-01-15", bucket_id = bucket }),
    };

    private static HttpClient Client(ServerProcess server) => new(Handler()) { BaseAddress = server.Address };

    internal static SocketsHttpHandler Handler() => new() { MaxConnectionsPerServer = 256 };

    private sealed class Side(HttpClient http)
    {
        public HttpClient Http { get; } = http;

        public long Acknowledged { get; set; }
    }
}
