using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Valhalla.Contracts;

namespace Valhalla.Packs.Obligations;

/// <summary>Routes for <c>/core/obligations/months</c>: occurrences, what paid them, and whether the month is covered.</summary>
public static class MonthsApi
{
    public static IEndpointRouteBuilder MapMonthsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/months").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("", GetMonths).WithName("GetObligationMonths")
            .WithSummary("The month's occurrences with paid, outstanding and status, totals, and covered (?month=YYYY-MM, default this month), or ?from=&to=.");
        return routes;
    }

    private static async Task<Results<Ok<ObligationMonth>, Ok<ObligationMonthRange>>> GetMonths(
        ObligationMonths months, string? month, string? from, string? to, CancellationToken ct)
    {
        if (from is null && to is null)
        {
            return TypedResults.Ok(await months.MonthAsync(month is null ? null : ObligationRules.Month(month, "month"), ct));
        }

        if (month is not null)
        {
            throw PackProblemException.BadField("month", "give either month, or from and to, not both.");
        }

        return TypedResults.Ok(await months.RangeAsync(ObligationRules.Month(from, "from"), ObligationRules.Month(to, "to"), ct));
    }
}
