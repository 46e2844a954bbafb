using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.EndToEnd.Tests.Transactions;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Web;

/// <summary>The budget pack's month page, parsed: rows, bars, totals, previous/next, allocation changed in place.</summary>
public sealed class BudgetPageTests() : HostTest(BuiltPacks.Budget, BuiltPacks.Transactions)
{
    [Fact]
    public async Task The_month_shows_a_row_per_bucket_with_a_bar_that_turns_amber_past_80_and_red_past_100_percent()
    {
        var calm = await Client.CreateBucketAsync("Calm", "fun", 100, "C");
        var tight = await Client.CreateBucketAsync("Tight", "fun", 100, "C");
        var over = await Client.CreateBucketAsync("Over", "essentials", 100, "A");
        await Client.PostOkAsync(new { tx_type = "expense", amount = 80, date = "2026-01-05", bucket_id = calm });
        await Client.PostOkAsync(new { tx_type = "expense", amount = 80.01, date = "2026-01-05", bucket_id = tight });
        await Client.PostOkAsync(new { tx_type = "expense", amount = 100.01, date = "2026-01-05", bucket_id = over });
        var browser = await WebSession.SignInAsync(Host, Host.OwnerKey!);

        var page = await browser.PageAsync("core/budget/pages/month?month=2026-01");

        Assert.Equal("Budget 2026-01", page.QuerySelector("main h1")?.TextContent);
        Assert.Equal(3, page.QuerySelectorAll("tbody tr[data-bucket-id]").Length);
        Assert.Equal("ok", page.QuerySelector($"tr[data-bucket-id='{calm}'] progress")?.GetAttribute("data-level"));
        Assert.Equal("warn", page.QuerySelector($"tr[data-bucket-id='{tight}'] progress")?.GetAttribute("data-level"));
        Assert.Equal("over", page.QuerySelector($"tr[data-bucket-id='{over}'] progress")?.GetAttribute("data-level"));
        var cells = page.QuerySelectorAll($"tr[data-bucket-id='{tight}'] > *").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Tight", "fun", "C", "100.00", "0.00", "80.01", "19.99"], cells.Take(7));
        var totals = page.QuerySelectorAll("tfoot tr.totals td.num").Select(c => c.TextContent).ToList();
        Assert.Equal(["300.00", "0.00", "260.02", "39.98"], totals);
        Assert.Equal("/core/budget/pages/month?month=2025-12", page.QuerySelector("main nav a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal("/core/budget/pages/month?month=2026-02", page.QuerySelector("main nav a[rel=next]")?.GetAttribute("href"));
        Assert.Equal("page", page.QuerySelector("header nav a[href='/core/budget/pages/month']")?.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Changing_an_allocation_without_javascript_posts_and_shows_the_month_again_with_the_new_limit()
    {
        var bucket = await Client.CreateBucketAsync("Groceries", "essentials", 100, "A");
        var browser = await WebSession.SignInAsync(Host, Host.OwnerKey!);
        var page = await browser.PageAsync("core/budget/pages/month?month=2026-01");

        var after = await browser.SubmitAndFollowAsync(page, $"tr[data-bucket-id='{bucket}'] form", new() { ["amount"] = "150.50" });

        Assert.Equal("150.50", after.QuerySelector($"tr[data-bucket-id='{bucket}'] td.num")?.TextContent);
        Assert.Equal(150.5m, (decimal)(await Client.BucketMonthAsync("2026-01", bucket))["limit"]!);
    }

    [Fact]
    public async Task With_htmx_an_allocation_answers_the_table_fragment_and_a_bad_amount_shows_beside_its_input()
    {
        var bucket = await Client.CreateBucketAsync("Groceries", "essentials", 100, "A");
        var browser = await WebSession.SignInAsync(Host, Host.OwnerKey!);
        var page = await browser.PageAsync("core/budget/pages/month?month=2026-01");
        browser.Http.DefaultRequestHeaders.Add("HX-Request", "true");
        // htmx swaps the whole section a row's form posts from: the section names itself as the target, the form its URL.
        var section = page.QuerySelector("section#month-body");
        var form = page.QuerySelector($"tr[data-bucket-id='{bucket}'] form");
        Assert.Equal(("this", "outerHTML"), (section?.GetAttribute("hx-target"), section?.GetAttribute("hx-swap")));
        Assert.Equal(form?.GetAttribute("action"), form?.GetAttribute("hx-post"));

        using var good = await browser.SubmitAsync(page, $"tr[data-bucket-id='{bucket}'] form", new() { ["amount"] = "120" });
        using var bad = await browser.SubmitAsync(page, $"tr[data-bucket-id='{bucket}'] form", new() { ["amount"] = "12.345" });

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var fragment = await WebSession.ParseAsync(good);
        Assert.Null(fragment.QuerySelector("header"));
        Assert.Equal("120.00", fragment.QuerySelector($"section#month-body tr[data-bucket-id='{bucket}'] td.num")?.TextContent);
        var refused = await WebSession.ParseAsync(bad);
        var input = refused.QuerySelector($"tr[data-bucket-id='{bucket}'] input[name=amount]");
        Assert.Equal("true", input?.GetAttribute("aria-invalid"));
        Assert.Contains("at most two decimals", refused.QuerySelector($"#{input?.GetAttribute("aria-describedby")}")?.TextContent);
        Assert.Equal(120m, (decimal)(await Client.BucketMonthAsync("2026-01", bucket))["limit"]!);
    }

    [Fact]
    public async Task The_json_month_snapshot_is_unchanged_by_the_page()
    {
        await Client.CreateBucketAsync("Groceries", "essentials", 100, "A");

        var snapshot = await Client.GetFromJsonAsync<JsonObject>("core/budget/months?month=2026-01");

        Assert.Equal("2026-01", (string?)snapshot!["month"]);
        Assert.Single(snapshot["buckets"]!.AsArray());
    }
}
