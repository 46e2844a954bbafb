using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.EndToEnd.Tests.Transactions;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Web;

/// <summary>The ledger page, parsed: quick-add, refusals beside their field, void with a reason, filters and paging.</summary>
public sealed class LedgerPageTests() : HostTest(BuiltPacks.Budget, BuiltPacks.Transactions, BuiltPacks.Obligations)
{
    [Fact]
    public async Task Quick_add_posts_an_expense_that_the_list_and_the_budget_show()
    {
        var groceries = await Client.CreateBucketAsync("Groceries", "essentials", 100, "A");
        var browser = await WebSession.SignInAsync(Host, Host.OwnerKey!);
        var page = await browser.PageAsync("core/transactions/pages/ledger");
        Assert.Equal(["(no bucket)", "Groceries (essentials)"], page.QuerySelectorAll("#bucket_id option").Select(o => o.TextContent));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", page.QuerySelector("#date")?.GetAttribute("value"));

        var after = await browser.SubmitAndFollowAsync(page, "#quick-add",
            new() { ["amount"] = "12.50", ["bucket_id"] = groceries, ["description"] = "Market", ["date"] = "2026-01-05" });

        var row = Assert.Single(after.QuerySelectorAll("tbody tr[data-tx-id]"));
        Assert.Equal(["2026-01-05", "Market", "Groceries", "expense", "B", "−12.50", "posted"], row.Children.Take(7).Select(c => c.TextContent));
        Assert.NotNull(after.QuerySelector("[role=status]"));
        Assert.Equal(12.5m, (decimal)(await Client.BucketMonthAsync("2026-01", groceries))["spent"]!);
    }

    [Fact]
    public async Task A_bad_amount_is_shown_beside_the_amount_field_and_posts_nothing()
    {
        var browser = await WebSession.SignInAsync(Host, Host.OwnerKey!);
        var page = await browser.PageAsync("core/transactions/pages/ledger");

        using var response = await browser.SubmitAsync(page, "#quick-add", new() { ["amount"] = "12.345", ["date"] = "2026-01-05" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var refused = await WebSession.ParseAsync(response);
        Assert.Equal("true", refused.QuerySelector("#amount")?.GetAttribute("aria-invalid"));
        Assert.Contains("at most two decimals", refused.QuerySelector("#amount-error")?.TextContent);
        Assert.Equal("12.345", refused.QuerySelector("#amount")?.GetAttribute("value"));
        Assert.Equal(0, await Client.TotalAsync());
    }

    [Fact]
    public async Task A_gated_c_expense_is_refused_with_the_reason_beside_the_priority()
    {
        var fun = await Client.CreateBucketAsync("Fun", "fun", 200, "C");
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync("fixtures/obligations/covered", new { covered = false })).StatusCode);
        var browser = await WebSession.SignInAsync(Host, Host.OwnerKey!);
        var page = await browser.PageAsync("core/transactions/pages/ledger");

        using var response = await browser.SubmitAsync(page, "#quick-add",
            new() { ["amount"] = "10", ["bucket_id"] = fun, ["priority"] = "C", ["date"] = "2026-01-05" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var refused = await WebSession.ParseAsync(response);
        Assert.Contains("not covered", refused.QuerySelector("#priority-error")?.TextContent);
        Assert.Equal("C", refused.QuerySelector("#priority option[selected]")?.TextContent);
        Assert.Equal(0, await Client.TotalAsync());
    }

    [Fact]
    public async Task Voiding_with_a_reason_marks_the_row_void_and_gives_the_budget_back()
    {
        var groceries = await Client.CreateBucketAsync("Groceries", "essentials", 100, "A");
        var posted = await Client.PostOkAsync(new { tx_type = "expense", amount = 30, date = "2026-01-05", bucket_id = groceries });
        var browser = await WebSession.SignInAsync(Host, Host.OwnerKey!);
        var page = await browser.PageAsync("core/transactions/pages/ledger");

        var after = await browser.SubmitAndFollowAsync(page, $"tr[data-tx-id='{posted["id"]}'] form", new() { ["reason"] = "typo" });

        var row = after.QuerySelector($"tr[data-tx-id='{posted["id"]}']");
        Assert.Equal("void", row?.GetAttribute("data-status"));
        Assert.Equal("void: typo", row?.Children[6].TextContent);
        Assert.Null(row?.QuerySelector("form"));
        Assert.Equal(0m, (decimal)(await Client.BucketMonthAsync("2026-01", groceries))["spent"]!);
    }

    [Fact]
    public async Task Filters_and_paging_follow_the_ledger_api()
    {
        for (var i = 0; i < LedgerPageSizePlusTwo; i++)
        {
            await Client.PostOkAsync(new { tx_type = "income", amount = 1, date = "2026-01-05" });
        }

        await Client.PostOkAsync(new { tx_type = "expense", amount = 2, date = "2026-02-05" });
        var browser = await WebSession.SignInAsync(Host, Host.OwnerKey!);

        var first = await browser.PageAsync("core/transactions/pages/ledger?tx_type=income");
        var next = first.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
        var second = await browser.PageAsync(next!.TrimStart('/'));
        var february = await browser.PageAsync("core/transactions/pages/ledger?month=2026-02");
        var badFilter = await browser.PageAsync("core/transactions/pages/ledger?month=2026-13", HttpStatusCode.BadRequest);

        Assert.Equal(25, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("/core/transactions/pages/ledger?tx_type=income&offset=25", next);
        Assert.Equal(2, second.QuerySelectorAll("tbody tr").Length);
        Assert.Null(second.QuerySelector("nav.pager a[rel=next]"));
        Assert.Equal("expense", Assert.Single(february.QuerySelectorAll("tbody tr")).Children[3].TextContent);
        Assert.NotNull(badFilter.QuerySelector("[role=alert]"));
    }

    private const int LedgerPageSizePlusTwo = 27;
}
