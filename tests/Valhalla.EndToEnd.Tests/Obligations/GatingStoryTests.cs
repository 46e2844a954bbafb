using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.EndToEnd.Tests.Transactions;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Obligations;

/// <summary>
/// Gating with the real packs — budget, ledger, obligations and audit — on a host whose today is
/// 2026-03-10: what a household sees when rent is late, paid, unpaid again, and when a bucket cannot
/// pay for what is still to come; and every step in the audit trail, in order.
/// </summary>
public sealed class GatingStoryTests : IAsyncLifetime
{
    private readonly HostFolders _folders = new();
    private RunningHost _host = null!;

    private HttpClient Client => _host.Client;

    public async Task InitializeAsync()
    {
        foreach (var pack in new[] { BuiltPacks.Budget, BuiltPacks.Transactions, BuiltPacks.ObligationsPack, BuiltPacks.Audit })
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
    public async Task Low_priority_spending_waits_for_the_obligations_and_the_audit_trail_tells_the_story()
    {
        var housing = await Client.CreateBucketAsync("Housing", "essentials", 2000, "A");
        var fun = await Client.CreateBucketAsync("Fun", "fun", 200, "C");
        var utilities = await Client.CreateBucketAsync("Utilities", "variable", 50, "B");
        var rent = await Client.CreateMonthlyAsync("Rent", 950, 1, "2026-03-01", housing);
        var cinema = new { tx_type = "expense", amount = 12, date = "2026-03-10", bucket_id = fun, priority = "D" };

        // Rent was due on the 1st; three days' grace are over and nothing paid it.
        var refused = await (await Client.PostAsync(cinema)).AssertProblemAsync(HttpStatusCode.Conflict);
        var late = Assert.Single(refused["uncovered"]!.AsArray())!;
        Assert.Equal((rent, "Rent", "2026-03-01", 950m, "unpaid"),
            ((string?)late["obligation_id"], (string?)late["name"], (string?)late["due_date"], (decimal)late["outstanding"]!, (string?)late["reason"]));
        Assert.Contains("Rent (due 2026-03-01", (string?)refused["detail"]);
        var groceries = await Client.PostOkAsync(new { tx_type = "expense", amount = 30, date = "2026-03-10", bucket_id = housing, priority = "D" });

        var payment = await Client.PostOkAsync(new { tx_type = "expense", amount = 950, date = "2026-03-10", bucket_id = housing, priority = "A", links = new { obligation_id = rent } });
        var allowed = await Client.PostOkAsync(cinema);

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync($"core/transactions/{payment["id"]}/void", new { reason = "bounced" })).StatusCode);
        await (await Client.PostAsync(cinema)).AssertProblemAsync(HttpStatusCode.Conflict);

        // Paid again; water is still to come (the 20th) and its bucket has 50 of the 60 it needs.
        var repayment = await Client.PostOkAsync(new { tx_type = "expense", amount = 950, date = "2026-03-10", bucket_id = housing, priority = "A", links = new { obligation_id = rent } });
        var water = await Client.CreateMonthlyAsync("Water", 60, 20, "2026-03-01", utilities);
        var underfunded = await (await Client.PostAsync(cinema)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal((water, "underfunded"), ((string?)underfunded["uncovered"]![0]!["obligation_id"], (string?)underfunded["uncovered"]![0]!["reason"]));

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync($"core/budget/months/2026-03/allocate/{utilities}", new { amount = 60 })).StatusCode);
        var finally1 = await Client.PostOkAsync(cinema);

        var month = (await Client.GetFromJsonAsync<JsonObject>("core/obligations/months?month=2026-03"))!;
        Assert.True((bool)month["covered"]!);
        Assert.Equal(["paid", "upcoming"], month["occurrences"]!.AsArray().Select(o => (string?)o!["status"]));

        var trail = await Client.WaitForAuditAsync(12);
        var events = trail["items"]!.AsArray().Reverse().ToList();
        Assert.Equal(
            [
                ("bucket.created", housing), ("bucket.created", fun), ("bucket.created", utilities), ("obligation.created", rent),
                ("transaction.posted", (string)groceries["id"]!), ("transaction.posted", (string)payment["id"]!), ("transaction.posted", (string)allowed["id"]!),
                ("transaction.voided", (string)payment["id"]!), ("transaction.posted", (string)repayment["id"]!), ("obligation.created", water),
                ("allocation.set", utilities), ("transaction.posted", (string)finally1["id"]!),
            ],
            events.Select(e => ((string)e!["kind"]!, (string)e["subject_id"]!)));
        Assert.Equal(12, (int)trail["total"]!);

        // Every event carries the name of the key that made the request: here, the owner key made them all.
        Assert.All(events, e => Assert.Equal("owner", (string?)e!["actor"]));
    }
}
