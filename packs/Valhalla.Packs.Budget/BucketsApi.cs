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

    /// <summary>Parses the list filters; an unknown value is a 400 naming its parameter.</summary>
    public static BucketFilter Filter(BucketQuery query) => new(
        query.Status is null ? null : BucketRules.Status(query.Status),
        query.BucketType is null ? null : BucketRules.BucketType(query.BucketType));

    private static async Task<Ok<IReadOnlyList<Bucket>>> ListBuckets(BudgetService budget, [AsParameters] BucketQuery query, CancellationToken ct) =>
        TypedResults.Ok(await budget.ListAsync(Filter(query), ct));

    private static async Task<Ok<Bucket>> GetBucket(BudgetService budget, [FromRoute(Name = "bucket_id")] string bucketId, CancellationToken ct) =>
        TypedResults.Ok(await budget.GetAsync(bucketId, ct));

    private static async Task<Ok<Bucket>> UpdateBucket(
        BudgetService budget, [FromRoute(Name = "bucket_id")] string bucketId, JsonObject body, CancellationToken ct) =>
        TypedResults.Ok(await budget.UpdateAsync(bucketId, body, ct));
}
