using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Transactions;

/// <summary>Obligation gating with a fixture obligations pack, built separately and dropped in.</summary>
public sealed class GatingTests() : HostTest(BuiltPacks.Budget, BuiltPacks.Transactions, BuiltPacks.Obligations)
{
    [Fact]
    public async Task While_obligations_are_not_covered_only_low_priority_non_essential_expenses_are_refused()
    {
        var fun = await Client.CreateBucketAsync("Fun", "fun", 200, "C");
        var groceries = await Client.CreateBucketAsync("Groceries", "essentials", 900, "A");
        await SetCoveredAsync(false);

        var c = await Client.PostAsync(new { tx_type = "expense", amount = 10, date = "2026-01-05", bucket_id = fun, priority = "C" });
        var d = await Client.PostAsync(new { tx_type = "expense", amount = 10, date = "2026-01-05", priority = "D" });
        var essentials = await Client.PostAsync(new { tx_type = "expense", amount = 10, date = "2026-01-05", bucket_id = groceries, priority = "D" });
        var a = await Client.PostAsync(new { tx_type = "expense", amount = 10, date = "2026-01-05", bucket_id = fun, priority = "A" });
        var b = await Client.PostAsync(new { tx_type = "expense", amount = 10, date = "2026-01-05", bucket_id = fun });
        var income = await Client.PostAsync(new { tx_type = "income", amount = 10, date = "2026-01-05", priority = "D" });

        Assert.Contains("not covered", (string?)(await c.AssertProblemAsync(HttpStatusCode.Conflict))["detail"]);
        await d.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, essentials.StatusCode);
        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        Assert.Equal(HttpStatusCode.Created, income.StatusCode);
        Assert.Equal(4, await Client.TotalAsync());
    }

    [Fact]
    public async Task Once_obligations_are_covered_low_priority_expenses_are_allowed()
    {
        await SetCoveredAsync(false);
        await (await Client.PostAsync(new { tx_type = "expense", amount = 10, date = "2026-01-05", priority = "C" })).AssertProblemAsync(HttpStatusCode.Conflict);

        await SetCoveredAsync(true);
        var allowed = await Client.PostAsync(new { tx_type = "expense", amount = 10, date = "2026-01-05", priority = "C" });

        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
    }

    [Fact]
    public async Task Posts_and_voids_reach_the_audit_sink()
    {
        var posted = await Client.PostOkAsync(new { tx_type = "expense", amount = 42.5, date = "2026-01-05" });
        await Client.PostAsJsonAsync($"core/transactions/{posted["id"]}/void", new { reason = "typo" });

        // The host delivers the ledger's events from its outbox in the background.
        var events = await Eventually.WaitAsync(
            () => Client.GetFromJsonAsync<JsonArray>("fixtures/obligations/audit"), e => e!.Count(x => (string?)x!["pack"] == "P-BUDGET-2") >= 2, "two ledger events");

        var ledgerEvents = events!.Where(e => (string?)e!["pack"] == "P-BUDGET-2").ToList();
        Assert.Equal(["transaction.posted", "transaction.voided"], ledgerEvents.Select(e => (string?)e!["kind"]));
        Assert.All(ledgerEvents, e => Assert.Equal((string?)posted["id"], (string?)e!["subject_id"]));
        Assert.Equal(42.5m, (decimal)ledgerEvents[0]!["amount"]!);
    }

    private async Task SetCoveredAsync(bool covered) =>
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync("fixtures/obligations/covered", new { covered })).StatusCode);
}
