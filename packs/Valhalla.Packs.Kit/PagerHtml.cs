namespace Valhalla.Packs.Kit;

/// <summary>The pager under a list page: newer, where this page sits, older (newest first, as the lists are).</summary>
public static class PagerHtml
{
    /// <summary>Writes the pager for <paramref name="window"/>, linking each offset through <paramref name="link"/>.</summary>
    public static HtmlBuilder Pager(this HtmlBuilder html, PageWindow window, Func<int, string> link)
    {
        html.Open("nav", ("class", "pager"), ("aria-label", "Pages"));
        if (window.Previous is { } previous)
        {
            html.Element("a", "← Newer", ("href", link(previous)), ("rel", "prev"));
        }

        html.Element("span", $"{window.FirstShown}–{window.LastShown} of {window.Total}");
        if (window.Next is { } next)
        {
            html.Element("a", "Older →", ("href", link(next)), ("rel", "next"));
        }

        return html.Close("nav");
    }
}
