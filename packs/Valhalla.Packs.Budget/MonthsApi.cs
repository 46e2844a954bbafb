using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Valhalla.Contracts;

namespace Valhalla.Packs.Budget;

/// <summary>Routes for <c>/core/budget/months</c>: snapshots and allocations.</summary>
public static class MonthsApi
{
    public static IEndpointRouteBuilder MapMonthsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/months").ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("", GetMonths).WithName("GetMonths")
            .WithSummary("The month snapshot (?month=YYYY-MM, default the current month), or ?from=&to= for a range.");
        api.MapPost("/{month}/allocate/{bucket_id}", Allocate).WithName("Allocate")
            .WithSummary("Sets a month's allocation for a bucket ({\"amount\": 150}); {\"amount\": null} clears it.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Results<Ok<MonthSnapshot>, Ok<MonthRange>>> GetMonths(
        BudgetService budget, string? month, string? from, string? to, CancellationToken ct)
    {
        if (from is null && to is null)
        {
            return TypedResults.Ok(await budget.SnapshotAsync(month is null ? null : BucketRules.Month(month, "month"), ct));
        }

        if (month is not null)
        {
            throw PackProblemException.BadField("month", "give either month, or from and to, not both.");
        }

        return TypedResults.Ok(await budget.RangeAsync(BucketRules.Month(from, "from"), BucketRules.Month(to, "to"), ct));
    }

    private static async Task<Ok<Allocation>> Allocate(
        BudgetService budget, string month, [FromRoute(Name = "bucket_id")] string bucketId, AllocationInput input, CancellationToken ct) =>
        TypedResults.Ok(await budget.AllocateAsync(BucketRules.Month(month, "month"), bucketId, input, ct));
}
