using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Valhalla.Packs.Budget;

/// <summary>Routes for <c>/core/budget/buckets</c>.</summary>
public static class BucketsApi
{
    public static IEndpointRouteBuilder MapBucketsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/buckets").ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("", CreateBucket).WithName("CreateBucket").WithSummary("Creates a bucket.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("", ListBuckets).WithName("ListBuckets").WithSummary("Lists buckets by priority then name; ?status= and ?bucket_type= filter.");
        api.MapGet("/{bucket_id}", GetBucket).WithName("GetBucket").WithSummary("One bucket.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPatch("/{bucket_id}", UpdateBucket).WithName("UpdateBucket").WithSummary("Changes some fields of a bucket, or archives it.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Created<Bucket>> CreateBucket(BudgetService budget, CreateBucket input, CancellationToken ct)
    {
        var bucket = await budget.CreateAsync(input, ct);
        return TypedResults.Created($"/core/budget/buckets/{bucket.Id}", bucket);
    }

    private static async Task<Ok<IReadOnlyList<Bucket>>> ListBuckets(
        BudgetService budget, string? status, [FromQuery(Name = "bucket_type")] string? bucketType, CancellationToken ct) =>
        TypedResults.Ok(await budget.ListAsync(status, bucketType, ct));

    private static async Task<Ok<Bucket>> GetBucket(BudgetService budget, [FromRoute(Name = "bucket_id")] string bucketId, CancellationToken ct) =>
        TypedResults.Ok(await budget.GetAsync(bucketId, ct));

    private static async Task<Ok<Bucket>> UpdateBucket(
        BudgetService budget, [FromRoute(Name = "bucket_id")] string bucketId, JsonObject body, CancellationToken ct) =>
        TypedResults.Ok(await budget.UpdateAsync(bucketId, body, ct));
}
