using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Valhalla.Contracts;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Audit;

/// <summary>The audit trail's page: events newest first, with the API's filters and paging.</summary>
public static class EventsPage
{
    public const string Path = "/pages/events";
    public const string FullPath = "/core/audit" + Path;
    public const int PageSize = 50;

    private static readonly string[] FilterNames = ["subject_id", "pack", "kind", "from", "to"];

    public static IEndpointRouteBuilder MapEventsPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, Show).ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> Show(HttpContext context, AuditStore store, CancellationToken ct)
    {
        var query = context.Request.Query;
        var values = FilterNames.ToDictionary(name => name, name => FormValues.Optional(query[name]));
        var offset = int.TryParse(query["offset"], out var o) ? o : 0;
        var html = new HtmlBuilder().Element("h1", "Audit trail");
        Filters(html, values);
        try
        {
            var filter = AuditRules.Filter(new AuditQuery
            {
                SubjectId = values["subject_id"],
                Pack = values["pack"],
                Kind = values["kind"],
                From = values["from"],
                To = values["to"],
                Limit = PageSize,
                Offset = offset,
            });
            var (items, total) = await store.ListAsync(filter, ct);
            List(html, items, total, filter, values);
            return PageResults.Page(context, "Audit trail", html);
        }
        catch (PackProblemException problem)
        {
            html.Element("p", problem.Message, ("role", "alert"), ("class", "field-error"));
            return PageResults.Page(context, "Audit trail", html, problem.Status);
        }
    }

    private static void Filters(HtmlBuilder html, Dictionary<string, string?> values)
    {
        html.Open("form", ("method", "get"), ("action", FullPath), ("class", "grid"), ("aria-label", "Filters"));
        foreach (var (name, label, type) in (ReadOnlySpan<(string, string, string)>)[
            ("kind", "Kind", "text"), ("pack", "Pack", "text"), ("subject_id", "Subject id", "text"), ("from", "From", "date"), ("to", "To", "date")])
        {
            html.Open("div").Element("label", label, ("for", $"filter-{name}"))
                .Void("input", ("id", $"filter-{name}"), ("name", name), ("type", type), ("value", values[name])).Close("div");
        }

        html.Element("button", "Apply", ("type", "submit"), ("class", "secondary")).Close("form");
    }

    private static void List(HtmlBuilder html, IReadOnlyList<AuditEvent> items, int total, AuditFilter filter, Dictionary<string, string?> values)
    {
        if (items.Count == 0)
        {
            html.Element("p", "No events match.");
            return;
        }

        html.Open("div", ("class", "table-scroll"), ("tabindex", "0"), ("role", "region"), ("aria-label", "Events")).Open("table", ("class", "striped")).Element("caption", $"{total} events").Open("thead").Open("tr");
        foreach (var heading in (string[])["When", "Kind", "Pack", "Subject", "Amount", "Detail", "By"])
        {
            html.Element("th", heading, ("scope", "col"), ("class", heading == "Amount" ? "num" : null));
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var e in items)
        {
            html.Open("tr", ("data-event-id", e.Id))
                .Element("td", e.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Element("td", e.Kind).Element("td", e.Pack)
                .Element("td", e.SubjectId).Element("td", e.Amount?.ToString(), ("class", "num")).Element("td", e.Detail).Element("td", e.Actor)
                .Close("tr");
        }

        html.Close("tbody").Close("table").Close("div");
        string Link(int offset) => FullPath + "?" + string.Join("&", values.Where(v => v.Value is not null)
            .Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}").Append($"offset={offset}"));
        html.Pager(new PageWindow(filter.Offset, filter.Limit, items.Count, total), Link);
    }
}
