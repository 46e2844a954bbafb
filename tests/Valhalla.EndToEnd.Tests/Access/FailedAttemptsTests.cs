using System.Net;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Access;

public sealed class FailedAttemptsTests() : HostTest(BuiltPacks.Budget)
{
    [Fact]
    public async Task After_ten_failures_in_a_minute_an_address_gets_429_with_retry_after()
    {
        var guesser = Host.ClientWith("vh_" + new string('A', 43));
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.GetAsync("core/budget/buckets")).StatusCode);
        }

        var slowed = await guesser.GetAsync("core/budget/buckets");

        await slowed.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = slowed.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Successful_requests_do_not_count_as_failures()
    {
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("core/budget/buckets")).StatusCode);
        }
    }
}
