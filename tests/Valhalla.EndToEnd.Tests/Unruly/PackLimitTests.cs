using System.Net;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Unruly;

/// <summary>A slow pack answers 503 past its concurrency limit and 504 past its request timeout; the others keep answering.</summary>
public sealed class PackLimitTests : IDisposable
{
    private const string Slow = "fixtures/x-slow-1";
    private readonly HostFolders _folders = new();

    public PackLimitTests()
    {
        _folders.Drop(BuiltPacks.Budget);
        _folders.DropUnruly("SlowPack", "X-SLOW-1");
    }

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task A_saturated_pack_answers_503_with_Retry_After_while_the_budget_pack_answers_200()
    {
        const int limit = 4;
        const int extra = 3;
        await using var host = await _folders.StartAsync($"--Valhalla:PackConcurrencyLimit={limit}");
        using var giveUp = new CancellationTokenSource();
        var requests = Enumerable.Range(0, limit + extra).Select(_ => host.Client.GetAsync($"{Slow}/hold", giveUp.Token)).ToList();

        // The held requests never finish on their own: the first to answer are the refused ones.
        var refused = new List<HttpResponseMessage>();
        while (refused.Count < extra)
        {
            var answered = await Task.WhenAny(requests);
            requests.Remove(answered);
            refused.Add(await answered);
        }

        var budget = await host.Client.GetAsync("core/budget/buckets");
        var slowPing = await host.Client.GetAsync($"{Slow}/ping");
        await giveUp.CancelAsync();

        Assert.Equal(HttpStatusCode.OK, budget.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, slowPing.StatusCode);
        foreach (var response in refused)
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Contains("X-SLOW-1", (string?)problem["detail"]);
            Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        }
    }

    [Fact]
    public async Task A_request_that_outlasts_the_pack_request_timeout_answers_504_and_the_pack_still_answers()
    {
        await using var host = await _folders.StartAsync("--Valhalla:PackRequestTimeoutMs=2000");

        var held = await host.Client.GetAsync($"{Slow}/hold");

        var problem = await held.AssertProblemAsync(HttpStatusCode.GatewayTimeout);
        Assert.Contains("X-SLOW-1 did not answer within 2000 ms", (string?)problem["detail"]);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync($"{Slow}/ping")).StatusCode);
    }
}
