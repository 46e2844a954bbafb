using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Valhalla.Benchmarks;

/// <summary>
/// POST /core/transactions (an expense into a bucket) at 1, 16 and 64 clients, against the baseline
/// minimal API doing one INSERT per request in its own transaction with the same pragmas.
/// </summary>
internal static class WritePath
{
    public static async Task RunAsync(Options options, Report report)
    {
        using var valhalla = new ValhallaInstance().WithPacks("Valhalla.Packs.Budget", "Valhalla.Packs.Transactions");
        var baselineFile = Path.Combine(valhalla.Root, "baseline.db");
        await using var host = await valhalla.StartAsync();
        await using var baseline = await ServerProcess.StartAsync(typeof(WritePath).Assembly.Location, ["serve-baseline", baselineFile], "health");
        using var hostClient = Client(host);
        using var baselineClient = Client(baseline);
        var bucket = await ValhallaInstance.CreateBucketAsync(hostClient, "Groceries");
        long hostAcknowledged = 0, baselineAcknowledged = 0;

        foreach (var clients in new[] { 1, 16, 64 })
        {
            var ours = new List<LoadGenerator.Result>();
            var theirs = new List<LoadGenerator.Result>();
            for (var round = 0; round < options.Rounds; round++)
            {
                ours.Add(await LoadGenerator.RunAsync(hostClient, clients, options.Duration, i => Expense(i, bucket)));
                theirs.Add(await LoadGenerator.RunAsync(baselineClient, clients, options.Duration, i => Expense(i, bucket)));
            }

            hostAcknowledged += ours.Sum(r => r.Ok);
            baselineAcknowledged += theirs.Sum(r => r.Ok);
            report.AddThroughput($"write, {clients} client(s)", ours, theirs, clients == 1 ? 0.8 : clients == 64 ? 3.0 : null);
        }

        var stored = (long)(await hostClient.GetFromJsonAsync<JsonObject>("core/transactions?limit=1"))!["total"]!;
        await using var connection = new SqliteConnection($"Data Source={baselineFile}");
        var baselineStored = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM transactions");
        report.AddNote($"Write path durability: Valhalla acknowledged {hostAcknowledged} and stored {stored}; the baseline acknowledged {baselineAcknowledged} and stored {baselineStored}.");
    }

    private static HttpRequestMessage Expense(int i, string bucket) => new(HttpMethod.Post, "core/transactions")
    {
        Content = JsonContent.Create(new { tx_type = "expense", amount = 1 + (i % 1000) / 100m, date = "2026-01-15", bucket_id = bucket }),
    };

    private static HttpClient Client(ServerProcess server) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = server.Address };
}
