using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Valhalla.Contracts;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Obligations;

/// <summary>The obligations page: a month's occurrences with their status, under a covered / not covered banner.</summary>
public static class ObligationsPage
{
    public const string Path = "/pages/month";
    public const string FullPath = "/core/obligations" + Path;

    public static IEndpointRouteBuilder MapObligationsPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, Show).ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> Show(HttpContext context, ObligationMonths months, string? month, CancellationToken ct)
    {
        try
        {
            var view = await months.MonthAsync(month is null ? null : ObligationRules.Month(month, "month"), ct);
            return PageResults.Page(context, $"Obligations {view.Month}", Render(view));
        }
        catch (PackProblemException problem)
        {
            return PageResults.Page(context, "Obligations",
                new HtmlBuilder().Element("h1", "Obligations").Element("p", problem.Message, ("role", "alert")), problem.Status);
        }
    }

    public static HtmlBuilder Render(ObligationMonth view)
    {
        var previous = view.Month.AddMonths(-1).ToString();
        var next = view.Month.AddMonths(1).ToString();
        var html = new HtmlBuilder().Element("h1", $"Obligations {view.Month}")
            .Open("nav", ("aria-label", "Months")).Open("ul")
            .Open("li").Element("a", $"← {previous}", ("href", $"{FullPath}?month={previous}"), ("rel", "prev")).Close("li")
            .Open("li").Element("a", "This month", ("href", FullPath)).Close("li")
            .Open("li").Element("a", $"{next} →", ("href", $"{FullPath}?month={next}"), ("rel", "next")).Close("li")
            .Close("ul").Close("nav");

        html.Open("section", ("id", "coverage"), ("class", view.Covered ? "banner-ok" : "banner-bad"), ("data-covered", view.Covered ? "true" : "false"), ("role", "status"))
            .Element("strong", view.Covered ? "Covered" : "Not covered")
            .Text(view.Covered
                ? " — every obligation of the month is paid or funded; C and D spending is allowed."
                : " — C and D expenses are refused until these are paid or funded:");
        if (!view.Covered)
        {
            html.Open("ul");
            foreach (var item in view.Uncovered)
            {
                html.Element("li", $"{item.Name}: {item.Outstanding} outstanding, due {Date(item.DueDate)} ({item.Reason})");
            }

            html.Close("ul");
        }

        if (!view.BudgetChecked)
        {
            html.Element("p", "The budget pack is not loaded, so obligations still to come count as covered.", ("class", "muted"));
        }

        html.Close("section");
        if (view.Occurrences.Count == 0)
        {
            return html.Element("p", "No obligations fall in this month.");
        }

        html.Open("div", ("class", "table-scroll"), ("tabindex", "0"), ("role", "region"), ("aria-label", "Occurrences")).Open("table", ("class", "striped")).Element("caption", $"Occurrences in {view.Month}").Open("thead").Open("tr");
        foreach (var heading in (string[])["Obligation", "Due", "Priority", "Expected", "Paid", "Outstanding", "Status"])
        {
            html.Element("th", heading, ("scope", "col"), ("class", heading is "Expected" or "Paid" or "Outstanding" ? "num" : null));
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var o in view.Occurrences)
        {
            html.Open("tr", ("data-obligation-id", o.ObligationId), ("data-status", o.Status))
                .Element("th", o.Name, ("scope", "row")).Element("td", Date(o.DueDate)).Element("td", o.Priority)
                .Element("td", o.AmountMin == o.AmountMax ? o.AmountMax.ToString() : $"{o.AmountMin}–{o.AmountMax}", ("class", "num"))
                .Element("td", o.Paid.ToString(), ("class", "num")).Element("td", o.Outstanding.ToString(), ("class", "num"))
                .Open("td").Element("mark", o.Status, ("class", $"status-{o.Status}")).Close("td").Close("tr");
        }

        var t = view.Totals;
        return html.Close("tbody").Open("tfoot").Open("tr").Element("th", "Total", ("scope", "row")).Element("td", "").Element("td", "")
            .Element("td", t.ExpectedMin == t.ExpectedMax ? t.ExpectedMax.ToString() : $"{t.ExpectedMin}–{t.ExpectedMax}", ("class", "num"))
            .Element("td", t.Paid.ToString(), ("class", "num")).Element("td", t.Outstanding.ToString(), ("class", "num")).Element("td", "")
            .Close("tr").Close("tfoot").Close("table").Close("div");
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
