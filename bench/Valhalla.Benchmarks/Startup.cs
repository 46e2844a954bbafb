namespace Valhalla.Benchmarks;

/// <summary>Process start to the first 200 from /health: the real packs, 100 generated packs, and an empty app.</summary>
internal static class Startup
{
    public static async Task RunAsync(Options options, Report report)
    {
        var empty = await MeasureAsync(options, () => ServerProcess.StartAsync(typeof(Startup).Assembly.Location, ["serve-empty"], "health"));
        using var three = new ValhallaInstance().WithPacks("Valhalla.Packs.Registry", "Valhalla.Packs.Budget", "Valhalla.Packs.Transactions");
        var real = await MeasureAsync(options, () => three.StartAsync());
        using var hundred = new ValhallaInstance().WithGeneratedPacks(100);
        var generated = await MeasureAsync(options, () => hundred.StartAsync());

        report.AddLatency("start-up, the 3 packs", real.Ms, empty.Ms, null);
        report.AddLatency("start-up, 100 generated packs", generated.Ms, empty.Ms, null);
        var perPack = (Stats.Median(generated.Ms) - Stats.Median(empty.Ms)) / 100;
        report.AddNote($"Start-up cost per pack beyond the empty app: {perPack:F1} ms (target ≤ 10 ms: {(perPack <= 10 ? "met" : "MISSED")}).");
        report.AddNote($"Peak memory (VmHWM, median): empty app {Stats.Median(empty.PeakMiB):F0} MiB, 3 packs {Stats.Median(real.PeakMiB):F0} MiB, 100 packs {Stats.Median(generated.PeakMiB):F0} MiB.");
    }

    private static async Task<(List<double> Ms, List<double> PeakMiB)> MeasureAsync(Options options, Func<Task<ServerProcess>> start)
    {
        var ms = new List<double>();
        var peak = new List<double>();
        for (var round = 0; round < options.Rounds; round++)
        {
            await using var server = await start();
            ms.Add(server.Startup.TotalMilliseconds);
            peak.Add(server.PeakMemoryMiB);
        }

        return (ms, peak);
    }
}
