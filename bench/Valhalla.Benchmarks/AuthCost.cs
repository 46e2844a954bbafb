namespace Valhalla.Benchmarks;

/// <summary>
/// What checking a key costs: the same host with keys on and with keys off (allowed on loopback),
/// measured in the same run — <c>GET /core/budget/buckets</c> latency at 1 client (the two sides take
/// turns in blocks), and write throughput at 64 clients (rounds alternate between the sides).
/// </summary>
internal static class AuthCost
{
    private const int Clients = 64;
    private const int CpuRequests = 5_000;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(Options options, Report report)
    {
        using var keyed = new ValhallaInstance().WithPacks("Valhalla.Packs.Budget", "Valhalla.Packs.Transactions");
        using var open = new ValhallaInstance().WithPacks("Valhalla.Packs.Budget", "Valhalla.Packs.Transactions");
        await using var keyedHost = await keyed.StartAsync();
        await using var openHost = await open.StartAsync("--Valhalla:Auth:Enabled=false");
        using var keyedClient = keyed.Client(keyedHost, WritePath.Handler());
        using var openClient = open.Client(openHost, WritePath.Handler()); // sends the same header, which the open host ignores
        var keyedBucket = await ValhallaInstance.CreateBucketAsync(keyedClient, "Groceries");
        var openBucket = await ValhallaInstance.CreateBucketAsync(openClient, "Groceries");
        for (var i = 0; i < 20; i++)
        {
            await ValhallaInstance.CreateBucketAsync(keyedClient, $"Bucket {i:D2}");
            await ValhallaInstance.CreateBucketAsync(openClient, $"Bucket {i:D2}");
        }

        var reads = await ReadPath.InterleavedMediansAsync(options.Rounds,
        [
            async () => (await keyedClient.GetAsync("core/budget/buckets")).EnsureSuccessStatusCode(),
            async () => (await openClient.GetAsync("core/budget/buckets")).EnsureSuccessStatusCode(),
        ]);
        report.AddLatency("GET /core/budget/buckets, 1 client, keys on vs off", reads[0], reads[1], 1.05);

        // CPU time per request barely depends on what else the machine is doing, unlike latency.
        // The sides take turns, and the smallest of each side's rounds is taken: background work only ever adds.
        var keyedCpu = new List<double>();
        var openCpu = new List<double>();
        for (var round = 0; round < options.Rounds; round++)
        {
            keyedCpu.Add(await CpuPerRequestAsync(keyedHost, keyedClient));
            openCpu.Add(await CpuPerRequestAsync(openHost, openClient));
        }

        report.AddNote($"Host CPU per GET /core/budget/buckets, least of {options.Rounds} rounds of {CpuRequests:N0} requests: keys on {keyedCpu.Min():F0} µs, "
            + $"keys off {openCpu.Min():F0} µs ({keyedCpu.Min() / openCpu.Min():F2}×); medians {Stats.Median(keyedCpu):F0} and {Stats.Median(openCpu):F0} µs.");

        await LoadGenerator.RunAsync(keyedClient, Clients, WarmUp, i => WritePath.Expense(i, keyedBucket));
        await LoadGenerator.RunAsync(openClient, Clients, WarmUp, i => WritePath.Expense(i, openBucket));
        var keyedWrites = new List<LoadGenerator.Result>();
        var openWrites = new List<LoadGenerator.Result>();
        for (var round = 0; round < options.Rounds; round++)
        {
            keyedWrites.Add(await LoadGenerator.RunAsync(keyedClient, Clients, options.Duration, i => WritePath.Expense(i, keyedBucket)));
            openWrites.Add(await LoadGenerator.RunAsync(openClient, Clients, options.Duration, i => WritePath.Expense(i, openBucket)));
        }

        report.AddThroughput($"write, {Clients} clients, keys on vs off", keyedWrites, openWrites, 0.95);
    }

    private static async Task<double> CpuPerRequestAsync(ServerProcess host, HttpClient client)
    {
        var before = host.CpuTime;
        for (var i = 0; i < CpuRequests; i++)
        {
            (await client.GetAsync("core/budget/buckets")).EnsureSuccessStatusCode();
        }

        return (host.CpuTime - before).TotalMicroseconds / CpuRequests;
    }
}
