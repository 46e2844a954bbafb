using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Valhalla.Contracts;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Budget;

/// <summary>
/// The budget's page for people: a month with a bar per bucket, and its allocations changed in place
/// (htmx swaps the table; without JavaScript the form posts and the page reloads). The JSON API is
/// untouched: this reads and writes through the same <see cref="BudgetService"/>.
/// </summary>
public static class MonthPage
{
    public const string Path = "/pages/month";
    public const string FullPath = "/core/budget" + Path;

    public static IEndpointRouteBuilder MapMonthPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, Show).ExcludeFromDescription();
        routes.MapPost(Path + "/{month}/allocate/{bucket_id}", Allocate).ExcludeFromDescription().AcceptsForm();
        return routes;
    }

    private static async Task<IResult> Show(HttpContext context, BudgetService budget, string? month, CancellationToken ct)
    {
        try
        {
            var snapshot = await budget.SnapshotAsync(month is null ? null : BucketRules.Month(month, "month"), ct);
            return PageResults.Page(context, $"Budget {snapshot.Month}", MonthPageHtml.Page(context, snapshot, null));
        }
        catch (PackProblemException problem)
        {
            var html = new HtmlBuilder().Element("h1", "Budget").Element("p", problem.Message, ("role", "alert"))
                .Open("p").Element("a", "This month", ("href", FullPath)).Close("p");
            return PageResults.Page(context, "Budget", html, problem.Status);
        }
    }

    private static async Task<IResult> Allocate(
        HttpContext context, BudgetService budget, string month, [FromRoute(Name = "bucket_id")] string bucketId, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        AllocationError? error = null;
        try
        {
            var text = FormValues.Optional(form["amount"]);
            await budget.AllocateAsync(BucketRules.Month(month, "month"), bucketId, new AllocationInput(text is null ? null : FormValues.Money(text, "amount")), ct);
        }
        catch (PackProblemException problem)
        {
            error = new AllocationError(bucketId, problem.Message, form["amount"].ToString(), problem.Status);
        }

        var htmx = PageResults.IsHtmx(context.Request);
        if (error is null && !htmx)
        {
            return PageResults.SeeOther($"{FullPath}?month={Uri.EscapeDataString(month)}");
        }

        var snapshot = await budget.SnapshotAsync(Month.TryParse(month, out var shown) ? shown : null, ct);
        return htmx
            ? PageResults.Fragment(MonthPageHtml.Body(context, snapshot, error)) // htmx swaps only 2xx answers: the error shows in the row
            : PageResults.Page(context, $"Budget {snapshot.Month}", MonthPageHtml.Page(context, snapshot, error), error!.Status);
    }
}

/// <summary>An allocation the month page refused, shown in its bucket's row with what was typed.</summary>
public sealed record AllocationError(string BucketId, string Message, string Typed, int Status);
