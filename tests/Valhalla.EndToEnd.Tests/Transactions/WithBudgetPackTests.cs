using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Transactions;

/// <summary>The ledger and the budget loaded together, meeting only through the contracts.</summary>
public sealed class WithBudgetPackTests() : HostTest(BuiltPacks.Budget, BuiltPacks.Transactions)
{
    [Fact]
    public async Task The_seed_flow_moves_spent_and_voiding_gives_it_back()
    {
        var groceries = await Client.CreateBucketAsync("Groceries", "essentials", 900, "A");

        var expense = await Client.PostOkAsync(new { tx_type = "expense", amount = 120, date = "2026-01-05", description = "Weekly shop", bucket_id = groceries, priority = "A" });
        var afterExpense = await Client.BucketMonthAsync("2026-01", groceries);
        await Client.PostOkAsync(new { tx_type = "income", amount = 3000, date = "2026-01-01", description = "Salary" });

        Assert.StartsWith("tx_", (string?)expense["id"]);
        Assert.Equal("posted", (string?)expense["status"]);
        Assert.Equal(120, (decimal)afterExpense["spent"]!);
        Assert.Equal(780, (decimal)afterExpense["remaining"]!);
        Assert.Equal(2, await Client.TotalAsync());
        Assert.Equal(1, await Client.TotalAsync("?tx_type=expense"));
        Assert.Equal(1, await Client.TotalAsync($"?bucket_id={groceries}"));
        Assert.Equal(2, await Client.TotalAsync("?month=2026-01"));

        var voided = await Client.PostAsync($"core/transactions/{expense["id"]}/void", null);
        var afterVoid = await Client.BucketMonthAsync("2026-01", groceries);
        var stored = await Client.GetFromJsonAsync<JsonObject>($"core/transactions/{expense["id"]}");

        Assert.Equal(HttpStatusCode.OK, voided.StatusCode);
        Assert.Equal("void", (string?)stored!["status"]);
        Assert.NotNull(stored["voided_at"]);
        Assert.Equal(0, (decimal)afterVoid["spent"]!);
        Assert.Equal(900, (decimal)afterVoid["remaining"]!);
    }

    [Fact]
    public async Task An_unknown_or_archived_bucket_is_refused_and_nothing_is_written()
    {
        var old = await Client.CreateBucketAsync("Old", "fun", 50);
        await Client.PatchAsJsonAsync($"core/budget/buckets/{old}", new { status = "archived" });

        var unknown = await Client.PostAsync(new { tx_type = "expense", amount = 5, date = "2026-01-05", bucket_id = "bk_000000000000" });
        var archived = await Client.PostAsync(new { tx_type = "expense", amount = 5, date = "2026-01-05", bucket_id = old });

        Assert.NotNull((await unknown.AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!["bucket_id"]);
        Assert.Contains("archived", (string?)(await archived.AssertProblemAsync(HttpStatusCode.BadRequest))["detail"]);
        Assert.Equal(0, await Client.TotalAsync());
    }

    [Fact]
    public async Task Fifty_concurrent_posts_make_fifty_rows_and_the_snapshot_spent_is_their_sum()
    {
        var groceries = await Client.CreateBucketAsync("Groceries", "essentials", 900, "A");
        var amounts = Enumerable.Range(1, 50).Select(i => i + 0.25m).ToList();

        var responses = await Task.WhenAll(amounts.Select(amount =>
            Client.PostAsync(new { tx_type = "expense", amount, date = "2026-02-10", bucket_id = groceries })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(50, await Client.TotalAsync("?month=2026-02"));
        Assert.Equal(amounts.Sum(), (decimal)(await Client.BucketMonthAsync("2026-02", groceries))["spent"]!);
    }
}
