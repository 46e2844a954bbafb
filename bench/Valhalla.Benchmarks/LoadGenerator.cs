using System.Diagnostics;

namespace Valhalla.Benchmarks;

/// <summary>Closed-loop load: <c>clients</c> workers each send one request after another for a fixed time.</summary>
internal static class LoadGenerator
{
    public sealed record Result(int Ok, int Failed, double Seconds, IReadOnlyList<double> LatenciesMs)
    {
        public double Throughput => Ok / Seconds;
    }

    public static async Task<Result> RunAsync(HttpClient client, int clients, TimeSpan duration, Func<int, HttpRequestMessage> request)
    {
        var latencies = new List<double>[clients];
        var failed = 0;
        var sequence = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request(Interlocked.Increment(ref sequence)));
                if (response.IsSuccessStatusCode)
                {
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        var all = latencies.SelectMany(l => l).ToList();
        return new Result(all.Count, failed, clock.Elapsed.TotalSeconds, all);
    }
}
