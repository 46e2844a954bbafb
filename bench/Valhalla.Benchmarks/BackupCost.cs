using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Valhalla.Benchmarks;

/// <summary>
/// POST /host/backups of a large ledger (time and size) against copying the same database files, and
/// the write throughput at 16 clients while backups run back to back against the same load without.
/// </summary>
internal static class BackupCost
{
    private const int Clients = 16;

    public static async Task RunAsync(Options options, Report report)
    {
        using var valhalla = new ValhallaInstance().WithPacks("Valhalla.Packs.Budget", "Valhalla.Packs.Transactions");
        string[] hostArgs = ["--Valhalla:Backups:Enabled=false", "--Valhalla:Backups:Keep=2"];
        string bucket;
        await using (var first = await valhalla.StartAsync(hostArgs))
        {
            using var client = valhalla.Client(first);
            bucket = await ValhallaInstance.CreateBucketAsync(client, "Groceries");
        }

        var ledger = Path.Combine(valhalla.Root, "transactions", "transactions.db");
        await ReadPath.SeedAsync(ledger, options.LargeLedgerRows, [bucket]);
        await using var host = await valhalla.StartAsync(hostArgs);
        using var http = valhalla.Client(host, WritePath.Handler());
        http.Timeout = TimeSpan.FromMinutes(10);

        var backupMs = new List<double>();
        var copyMs = new List<double>();
        long size = 0;
        for (var round = 0; round < options.Rounds; round++)
        {
            var backup = Stopwatch.StartNew();
            size = await BackUpAsync(http);
            backupMs.Add(backup.Elapsed.TotalMilliseconds);
            copyMs.Add(CopyDatabases(valhalla.Root));
        }

        var databases = Directory.EnumerateFiles(valhalla.Root, "*.db", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith("copy-", StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length);
        report.AddLatency($"backup, {options.LargeLedgerRows:N0}-row ledger (POST /host/backups) vs copying the database files", backupMs, copyMs, null);
        report.AddNote($"Backup of a {options.LargeLedgerRows:N0}-row ledger: {Stats.Median(backupMs) / 1000:F1} s, a {size / 1048576.0:F1} MiB zip of {databases / 1048576.0:F1} MiB of databases.");

        await LoadGenerator.RunAsync(http, Clients, TimeSpan.FromSeconds(2), i => WritePath.Expense(i, bucket));
        var without = new List<LoadGenerator.Result>();
        var with = new List<LoadGenerator.Result>();
        var during = 0;
        for (var round = 0; round < options.Rounds; round++)
        {
            without.Add(await LoadGenerator.RunAsync(http, Clients, options.Duration, i => WritePath.Expense(i, bucket)));
            using var stop = new CancellationTokenSource();
            var backups = Task.Run(async () =>
            {
                var count = 0;
                while (!stop.IsCancellationRequested)
                {
                    await BackUpAsync(http);
                    count++;
                }

                return count;
            });
            with.Add(await LoadGenerator.RunAsync(http, Clients, options.Duration, i => WritePath.Expense(i, bucket)));
            await stop.CancelAsync();
            during += await backups;
        }

        report.AddThroughput($"write, {Clients} clients, while backups of a {options.LargeLedgerRows:N0}-row ledger run back to back, vs without", with, without, null);
        report.AddNote($"Writes while backing up: {during} backups ran during the loaded rounds; {with.Sum(r => r.Failed)} writes failed.");
    }

    private static async Task<long> BackUpAsync(HttpClient http)
    {
        var response = await http.PostAsync("host/backups", content: null);
        response.EnsureSuccessStatusCode();
        return (long)(await response.Content.ReadFromJsonAsync<JsonObject>())!["size"]!;
    }

    // The floor: the bytes read and written without SQLite's backup or the zip (not a consistent copy of a live database).
    private static double CopyDatabases(string root)
    {
        var files = Directory.EnumerateFiles(root, "*.db", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith("copy-", StringComparison.Ordinal)).ToList();
        var copy = Stopwatch.StartNew();
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(Path.GetDirectoryName(file)!, "copy-" + Path.GetFileName(file)), overwrite: true);
        }

        var elapsed = copy.Elapsed.TotalMilliseconds;
        foreach (var file in files)
        {
            File.Delete(Path.Combine(Path.GetDirectoryName(file)!, "copy-" + Path.GetFileName(file)));
        }

        return elapsed;
    }
}
