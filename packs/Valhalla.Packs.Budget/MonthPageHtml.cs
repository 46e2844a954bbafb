using Microsoft.AspNetCore.Http;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Budget;

/// <summary>The HTML of the month page: heading with previous/next, then the table of buckets and totals.</summary>
public static class MonthPageHtml
{
    public const string BodyId = "month-body";

    public static HtmlBuilder Page(HttpContext context, MonthSnapshot snapshot, AllocationError? error)
    {
        var previous = snapshot.Month.AddMonths(-1).ToString();
        var next = snapshot.Month.AddMonths(1).ToString();
        return new HtmlBuilder()
            .Element("h1", $"Budget {snapshot.Month}")
            .Open("nav", ("aria-label", "Months")).Open("ul")
            .Open("li").Element("a", $"← {previous}", ("href", $"{MonthPage.FullPath}?month={previous}"), ("rel", "prev")).Close("li")
            .Open("li").Element("a", "This month", ("href", MonthPage.FullPath)).Close("li")
            .Open("li").Element("a", $"{next} →", ("href", $"{MonthPage.FullPath}?month={next}"), ("rel", "next")).Close("li")
            .Close("ul").Close("nav")
            .Append(Body(context, snapshot, error));
    }

    /// <summary>The part an allocation change replaces: every row and the totals move together.</summary>
    public static HtmlBuilder Body(HttpContext context, MonthSnapshot snapshot, AllocationError? error)
    {
        // Every row's form swaps this whole section (htmx inherits hx-target and hx-swap), so a row carries only its hx-post.
        var html = new HtmlBuilder().Open("section", ("id", BodyId), ("hx-target", "this"), ("hx-swap", "outerHTML"));
        if (snapshot.Buckets.Count == 0)
        {
            return html.Element("p", "No buckets yet. Create one through the API (POST /core/budget/buckets).").Close("section");
        }

        html.Open("div", ("class", "table-scroll"), ("tabindex", "0"), ("role", "region"), ("aria-label", "Buckets")).Open("table", ("class", "striped"))
            .Element("caption", $"Buckets in {snapshot.Month}")
            .Open("thead").Open("tr");
        foreach (var (heading, numeric) in Headings)
        {
            html.Element("th", heading, ("scope", "col"), ("class", numeric ? "num" : null));
        }

        html.Close("tr").Close("thead").Open("tbody");

        // One antiforgery token for every row's form: making one costs crypto, a hundred rows would pay it a hundred times.
        var token = new HtmlBuilder().FormToken(context);
        foreach (var bucket in snapshot.Buckets)
        {
            Row(html, token, snapshot.Month, bucket, error?.BucketId == bucket.BucketId ? error : null);
        }

        var t = snapshot.Totals;
        return html.Close("tbody").Open("tfoot").Open("tr", ("class", "totals"))
            .Element("th", "Total", ("scope", "row")).Element("td", "").Element("td", "")
            .Element("td", t.Limit.ToString(), ("class", "num")).Element("td", t.CarriedIn.ToString(), ("class", "num"))
            .Element("td", t.Spent.ToString(), ("class", "num")).Element("td", t.Remaining.ToString(), ("class", "num"))
            .Open("td").Bar(t.Limit + t.CarriedIn, t.Spent, "Total").Close("td").Element("td", "")
            .Close("tr").Close("tfoot").Close("table").Close("div").Close("section");
    }

    private static readonly (string Heading, bool Numeric)[] Headings =
    [
        ("Bucket", false), ("Type", false), ("Priority", false), ("Limit", true), ("Carried in", true),
        ("Spent", true), ("Remaining", true), ("Used", false), ("Allocation", false),
    ];

    private static void Row(HtmlBuilder html, HtmlBuilder token, Month month, BucketMonth bucket, AllocationError? error)
    {
        var action = $"{MonthPage.FullPath}/{month}/allocate/{bucket.BucketId}";
        var errorId = $"allocation-error-{bucket.BucketId}";
        html.Open("tr", ("data-bucket-id", bucket.BucketId))
            .Element("th", bucket.Name, ("scope", "row")).Element("td", bucket.BucketType).Element("td", bucket.Priority)
            .Element("td", bucket.Limit.ToString(), ("class", "num")).Element("td", bucket.CarriedIn.ToString(), ("class", "num"))
            .Element("td", bucket.Spent.ToString(), ("class", "num"))
            .Element("td", bucket.Remaining.ToString(), ("class", "num remaining"))
            .Open("td").Bar(bucket.Limit + bucket.CarriedIn, bucket.Spent, bucket.Name).Close("td")
            .Open("td")
            .Open("form", ("method", "post"), ("action", action), ("hx-post", action), ("class", "inline-form"))
            .Append(token)
            .Void("input", ("name", "amount"), ("inputmode", "decimal"), ("size", "8"),
                ("value", error?.Typed ?? bucket.Allocation?.ToString() ?? ""), ("placeholder", bucket.MonthlyLimit.ToString()),
                ("aria-label", $"Allocation for {bucket.Name} in {month}"),
                ("aria-invalid", error is null ? null : "true"), ("aria-describedby", error is null ? null : errorId))
            .Element("button", "Set", ("type", "submit"), ("class", "secondary"));
        if (error is not null)
        {
            html.Element("small", error.Message, ("id", errorId), ("class", "field-error"), ("role", "alert"));
        }

        html.Close("form").Close("td").Close("tr");
    }

    /// <summary>A bar of spent against what the month has (limit plus carried in): amber past 80%, red past 100%.</summary>
    public static HtmlBuilder Bar(this HtmlBuilder html, Money available, Money spent, string name)
    {
        var level = UsageLevel(available, spent);
        var max = Math.Max(Math.Max(available.MinorUnits, spent.MinorUnits), 1);
        var value = Math.Clamp(spent.MinorUnits, 0, max);
        var percent = available.MinorUnits > 0 ? spent.MinorUnits * 100 / available.MinorUnits : spent.MinorUnits > 0 ? 100 : 0;
        return html.Element("progress", $"{percent}%",
            ("value", value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("max", max.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("class", level), ("data-level", level), ("aria-label", $"{name}: {percent}% used"));
    }

    /// <summary><c>ok</c>, <c>warn</c> past 80% of what is available, <c>over</c> past 100%.</summary>
    public static string UsageLevel(Money available, Money spent)
    {
        if (available.MinorUnits <= 0)
        {
            return spent.MinorUnits > 0 ? "over" : "ok";
        }

        // Compared in integers: spent/available > 4/5 without rounding.
        return spent.MinorUnits > available.MinorUnits ? "over"
            : spent.MinorUnits * 5 > available.MinorUnits * 4 ? "warn"
            : "ok";
    }
}
