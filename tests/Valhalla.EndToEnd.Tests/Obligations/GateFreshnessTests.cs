using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.EndToEnd.Tests.Transactions;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Obligations;

/// <summary>
/// The gate answers from the obligations pack's cached coverage, with the real packs: each write that can
/// change the coverage changes the next answer at once, and spending elsewhere does not. Today is 2026-03-10.
/// </summary>
public sealed class GateFreshnessTests : IAsyncLifetime
{
    private readonly HostFolders _folders = new();
    private RunningHost _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync()
    {
        foreach (var pack in new[] { BuiltPacks.Budget, BuiltPacks.Transactions, BuiltPacks.ObligationsPack })
        {
            _folders.Drop(pack);
        }

        _host = await _folders.StartAsync(new SteppingTime(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero)));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folders.Dispose();
    }

    [Fact]
    public async Task Spending_or_a_limit_change_in_a_drawn_on_bucket_changes_the_gates_answer_at_once()
    {
        var fun = await Client.CreateBucketAsync("Fun", "fun", 200, "C");
        var utilities = await Client.CreateBucketAsync("Utilities", "variable", 60, "B");
        await Client.CreateMonthlyAsync("Water", 60, 20, "2026-03-01", utilities);
        var cinema = new { tx_type = "expense", amount = 12, date = "2026-03-10", bucket_id = fun, priority = "D" };
        await Client.PostOkAsync(cinema);

        // Spending in Fun, which no obligation draws on, changes nothing; spending in Utilities leaves water short.
        await Client.PostOkAsync(cinema);
        var bulb = await Client.PostOkAsync(new { tx_type = "expense", amount = 5, date = "2026-03-10", bucket_id = utilities, priority = "A" });
        var refused = await (await Client.PostAsync(cinema)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("underfunded", (string?)refused["uncovered"]![0]!["reason"]);

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync($"core/transactions/{bulb["id"]}/void", new { reason = "returned" })).StatusCode);
        await Client.PostOkAsync(cinema);

        Assert.Equal(HttpStatusCode.OK, (await Client.PatchAsJsonAsync($"core/budget/buckets/{utilities}", new JsonObject { ["monthly_limit"] = 59 })).StatusCode);
        await (await Client.PostAsync(cinema)).AssertProblemAsync(HttpStatusCode.Conflict);
    }
}
