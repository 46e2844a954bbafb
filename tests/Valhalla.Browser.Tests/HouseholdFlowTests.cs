using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Valhalla.Browser.Tests;

/// <summary>What a person does in a browser: add an expense, watch the bucket's remaining move, void it; be refused by gating.</summary>
public sealed class HouseholdFlowTests : BrowserHost
{
    [Fact]
    public async Task An_expense_added_through_quick_add_lowers_the_buckets_remaining_and_voiding_it_gives_it_back()
    {
        var groceries = await CreateBucketAsync("Groceries", "essentials", 100, "A");
        var page = await SignedInPageAsync();
        var remaining = page.Locator($"tr[data-bucket-id='{groceries}'] td.remaining");

        await page.ClickAsync("header nav a:text-is('Budget')");
        Assert.Equal("100.00", await remaining.TextContentAsync());

        await page.ClickAsync("header nav a:text-is('Transactions')");
        await page.FillAsync("#amount", "12.50");
        await page.SelectOptionAsync("#bucket_id", groceries);
        await page.FillAsync("#description", "Market");
        Assert.Equal("2026-01-10", await page.InputValueAsync("#date"));
        await page.ClickAsync("#quick-add button[type=submit]");
        await page.WaitForURLAsync("**added=**");
        var row = page.Locator("tbody tr[data-tx-id]");
        Assert.Equal("Market", await row.Locator("td").Nth(1).TextContentAsync());

        await page.ClickAsync("header nav a:text-is('Budget')");
        Assert.Equal("87.50", await remaining.TextContentAsync());

        await page.ClickAsync("header nav a:text-is('Transactions')");
        await row.Locator("input[name=reason]").FillAsync("bought twice");
        await row.Locator("button:text-is('Void')").ClickAsync();
        await page.WaitForURLAsync("**voided=**");
        Assert.Equal("void", await page.Locator("tbody tr[data-tx-id]").GetAttributeAsync("data-status"));

        await page.ClickAsync("header nav a:text-is('Budget')");
        Assert.Equal("100.00", await remaining.TextContentAsync());
    }

    [Fact]
    public async Task Changing_an_allocation_in_place_updates_the_row_without_leaving_the_page()
    {
        var groceries = await CreateBucketAsync("Groceries", "essentials", 100, "A");
        var page = await SignedInPageAsync();
        await page.GotoAsync("/core/budget/pages/month");
        var row = page.Locator($"tr[data-bucket-id='{groceries}']");

        await row.Locator("input[name=amount]").FillAsync("150");
        await row.Locator("button:text-is('Set')").ClickAsync();

        await Assertions.Expect(row.Locator("td.remaining")).ToHaveTextAsync("150.00");
        Assert.EndsWith("/core/budget/pages/month", page.Url);
    }

    [Fact]
    public async Task A_c_expense_while_obligations_are_not_covered_is_refused_with_the_reason_beside_the_priority()
    {
        var fun = await CreateBucketAsync("Fun", "fun", 200, "C");
        var rentBucket = await CreateBucketAsync("Rent", "essentials", 0, "A");
        var created = await Client.PostAsJsonAsync("core/obligations", new
        {
            name = "Rent",
            amount = 900,
            bucket_id = rentBucket,
            recurrence = new { frequency = "monthly", day = 20, start_date = "2026-01-01" },
        });
        created.EnsureSuccessStatusCode();
        var page = await SignedInPageAsync(375, 812);

        await page.GotoAsync("/core/transactions/pages/ledger");
        await page.FillAsync("#amount", "10");
        await page.SelectOptionAsync("#bucket_id", fun);
        await page.SelectOptionAsync("#priority", "C");
        await page.ClickAsync("#quick-add button[type=submit]");

        var reason = page.Locator("#priority-error");
        await Assertions.Expect(reason).ToContainTextAsync("not covered");
        await Assertions.Expect(reason).ToContainTextAsync("Rent");
        Assert.Equal("true", await page.GetAttributeAsync("#priority", "aria-invalid"));
        var total = (await Client.GetFromJsonAsync<JsonObject>("core/transactions"))!["total"];
        Assert.Equal(0, (int)total!);
    }

    private async Task<string> CreateBucketAsync(string name, string type, decimal limit, string priority)
    {
        var response = await Client.PostAsJsonAsync("core/budget/buckets", new { name, bucket_type = type, monthly_limit = limit, priority });
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }
}
