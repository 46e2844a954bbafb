using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Valhalla.Packs.Obligations;

/// <summary>Routes for <c>/core/obligations</c>: the obligations themselves.</summary>
public static class ObligationsApi
{
    public static IEndpointRouteBuilder MapObligationsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("").ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("", CreateObligation).WithName("CreateObligation").WithSummary("Creates an obligation (rent, a bill, a loan payment).");
        api.MapGet("", ListObligations).WithName("ListObligations").WithSummary("Lists obligations by priority then name; ?status= and ?bucket_id= filter.");
        api.MapGet("/{obligation_id}", GetObligation).WithName("GetObligation").WithSummary("One obligation.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPatch("/{obligation_id}", UpdateObligation).WithName("UpdateObligation")
            .WithSummary("Changes some fields of an obligation; {\"status\": \"archived\"} archives it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Created<Obligation>> CreateObligation(ObligationService obligations, CreateObligation input, CancellationToken ct)
    {
        var obligation = await obligations.CreateAsync(input, ct);
        return TypedResults.Created($"/core/obligations/{obligation.Id}", obligation);
    }

    /// <summary>Parses the list filters; a bad value is a 400 naming its parameter.</summary>
    public static ObligationFilter Filter(ObligationQuery query) => new(
        query.Status is null ? null : ObligationRules.Status(query.Status),
        ObligationRules.BucketId(query.BucketId));

    private static async Task<Ok<IReadOnlyList<Obligation>>> ListObligations(
        ObligationService obligations, [AsParameters] ObligationQuery query, CancellationToken ct) =>
        TypedResults.Ok(await obligations.ListAsync(Filter(query), ct));

    private static async Task<Ok<Obligation>> GetObligation(
        ObligationService obligations, [FromRoute(Name = "obligation_id")] string obligationId, CancellationToken ct) =>
        TypedResults.Ok(await obligations.GetAsync(obligationId, ct));

    private static async Task<Ok<Obligation>> UpdateObligation(
        ObligationService obligations, [FromRoute(Name = "obligation_id")] string obligationId, JsonObject body, CancellationToken ct) =>
        TypedResults.Ok(await obligations.UpdateAsync(obligationId, body, ct));
}
