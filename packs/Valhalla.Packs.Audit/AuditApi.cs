using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Valhalla.Packs.Audit;

/// <summary>Routes for <c>/core/audit</c>: read-only; nothing changes or deletes an event.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("", ListEvents).WithName("ListAuditEvents")
            .WithSummary("Money events newest first; filters subject_id, pack, kind, from, to (dates); paging with limit and offset.");
        return routes;
    }

    private static async Task<Ok<AuditPage>> ListEvents(AuditStore store, [AsParameters] AuditQuery query, CancellationToken ct)
    {
        var filter = AuditRules.Filter(query);
        var (items, total) = await store.ListAsync(filter, ct);
        return TypedResults.Ok(new AuditPage(items, total, filter.Limit, filter.Offset));
    }
}
