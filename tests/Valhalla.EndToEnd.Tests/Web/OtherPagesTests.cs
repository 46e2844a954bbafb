using System.Net.Http.Json;
using Valhalla.EndToEnd.Tests.Obligations;
using Valhalla.EndToEnd.Tests.Transactions;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Web;

/// <summary>The obligations, audit and packs pages, parsed.</summary>
public sealed class OtherPagesTests() : HostTest(BuiltPacks.Transactions, BuiltPacks.ObligationsPack, BuiltPacks.Audit, BuiltPacks.Registry)
{
    [Fact]
    public async Task The_obligations_page_lists_the_months_occurrences_under_a_covered_or_not_covered_banner()
    {
        var rent = await Client.CreateMonthlyAsync("Rent", 900, 5, "2026-01-01");
        var browser = await WebSession.SignInAsync(Host, Host.OwnerKey!);

        var january = await browser.PageAsync("core/obligations/pages/month?month=2026-01");
        var before = await browser.PageAsync("core/obligations/pages/month?month=2025-12");

        Assert.Equal("false", january.QuerySelector("#coverage")?.GetAttribute("data-covered"));
        Assert.Contains("Rent", january.QuerySelector("#coverage li")?.TextContent);
        var row = january.QuerySelector($"tr[data-obligation-id='{rent}']");
        Assert.Equal("2026-01-05", row?.Children[1].TextContent);
        Assert.Equal(row?.GetAttribute("data-status"), row?.QuerySelector("mark")?.TextContent);
        Assert.Equal("true", before.QuerySelector("#coverage")?.GetAttribute("data-covered"));
        Assert.Empty(before.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task The_audit_page_lists_events_newest_first_and_filters_by_kind()
    {
        var posted = await Client.PostOkAsync(new { tx_type = "expense", amount = 5, date = "2026-01-05" });
        await Client.PostAsJsonAsync($"core/transactions/{posted["id"]}/void", new { reason = "typo" });
        await Client.WaitForAuditAsync(2);
        var browser = await WebSession.SignInAsync(Host, Host.OwnerKey!);

        var all = await browser.PageAsync("core/audit/pages/events");

        Assert.Equal(["transaction.voided", "transaction.posted"], all.QuerySelectorAll("tbody tr").Select(r => r.Children[1].TextContent));
        Assert.All(all.QuerySelectorAll("tbody tr"), r => Assert.Equal("owner", r.Children[6].TextContent));
        Assert.Equal("get", all.QuerySelector("main form[aria-label=Filters]")?.GetAttribute("method"));
        var filtered = await browser.PageAsync("core/audit/pages/events?kind=transaction.voided");
        Assert.Equal("transaction.voided", Assert.Single(filtered.QuerySelectorAll("tbody tr")).Children[1].TextContent);
        Assert.Equal("transaction.voided", filtered.QuerySelector("#filter-kind")?.GetAttribute("value"));
    }

    [Fact]
    public async Task The_packs_page_shows_every_pack_with_status_version_routes_and_an_admin_can_reload_one()
    {
        var browser = await WebSession.SignInAsync(Host, Host.OwnerKey!);
        var page = await browser.PageAsync("core/packs/pages/packs");

        Assert.Equal(["P-AUDIT-1", "P-BUDGET-2", "P-OBLIG-1", "P-PACKS-1"], page.QuerySelectorAll("article[data-pack]").Select(a => a.GetAttribute("data-pack")));
        Assert.All(page.QuerySelectorAll("article[data-pack]"), a => Assert.Equal("loaded", a.GetAttribute("data-status")));
        Assert.Contains(page.QuerySelectorAll("article[data-pack='P-BUDGET-2'] details li code"), c => c.TextContent == "GET /core/transactions");
        Assert.Equal("P-BUDGET-2 1.0.0", page.QuerySelector("article[data-pack='P-BUDGET-2'] h2")?.TextContent);

        var reloaded = await browser.SubmitAndFollowAsync(page, "article[data-pack='P-AUDIT-1'] form");

        Assert.Contains("P-AUDIT-1 reloaded", reloaded.QuerySelector("[role=status]")?.TextContent);
    }
}
