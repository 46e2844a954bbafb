using System.Globalization;

namespace Valhalla.Packs.Kit.Tests;

/// <summary>The pager's HTML: a link to the newer page, where this page sits, a link to the older one.</summary>
public sealed class PagerHtmlTests
{
    private static string Link(int offset) => "/ledger?offset=" + offset.ToString(CultureInfo.InvariantCulture) + "&x=1";

    [Fact]
    public void A_middle_page_links_both_ways()
    {
        var html = new HtmlBuilder().Pager(new PageWindow(offset: 25, limit: 25, shown: 25, total: 70), Link).ToString();

        Assert.Equal(
            "<nav class=\"pager\" aria-label=\"Pages\">"
            + "<a href=\"/ledger?offset=0&amp;x=1\" rel=\"prev\">← Newer</a>"
            + "<span>26–50 of 70</span>"
            + "<a href=\"/ledger?offset=50&amp;x=1\" rel=\"next\">Older →</a>"
            + "</nav>",
            html);
    }

    [Fact]
    public void The_first_page_has_no_newer_link()
    {
        var html = new HtmlBuilder().Pager(new PageWindow(offset: 0, limit: 25, shown: 25, total: 70), Link).ToString();

        Assert.Equal(
            "<nav class=\"pager\" aria-label=\"Pages\"><span>1–25 of 70</span>"
            + "<a href=\"/ledger?offset=25&amp;x=1\" rel=\"next\">Older →</a></nav>",
            html);
    }

    [Fact]
    public void The_last_page_has_no_older_link()
    {
        var html = new HtmlBuilder().Pager(new PageWindow(offset: 50, limit: 25, shown: 20, total: 70), Link).ToString();

        Assert.Equal(
            "<nav class=\"pager\" aria-label=\"Pages\"><a href=\"/ledger?offset=25&amp;x=1\" rel=\"prev\">← Newer</a>"
            + "<span>51–70 of 70</span></nav>",
            html);
    }

    [Fact]
    public void An_empty_list_shows_nothing_but_its_count() =>
        Assert.Equal(
            "<nav class=\"pager\" aria-label=\"Pages\"><span>0–0 of 0</span></nav>",
            new HtmlBuilder().Pager(new PageWindow(offset: 0, limit: 25, shown: 0, total: 0), Link).ToString());

    [Fact]
    public void The_pager_is_written_after_what_the_builder_holds() =>
        Assert.StartsWith("<h2>Ledger</h2><nav ",
            new HtmlBuilder().Element("h2", "Ledger").Pager(new PageWindow(0, 25, 0, 0), Link).ToString(), StringComparison.Ordinal);
}
