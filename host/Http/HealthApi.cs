using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Loading;

namespace Valhalla.Host.Http;

/// <summary><c>GET /health</c>: the host is up; each pack's status says whether it serves.</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth)
            .WithName("GetHealth")
            .WithSummary("Host health and the status of every pack.")
            .WithTags("Host");
        return app;
    }

    private static Ok<Health> GetHealth(PackHost host)
    {
        var packs = host.Report.Packs.Select(p => new PackHealth(p.Code, p.Manifest?.Version, p.Status, p.Routes.Count, p.Errors.Count())).ToList();
        var status = packs.All(p => p.Status == PackStatus.Loaded) ? "healthy" : "degraded";
        return TypedResults.Ok(new Health(status, host.Report.GeneratedAt, packs));
    }
}

internal sealed record Health(string Status, DateTimeOffset CheckedAt, IReadOnlyList<PackHealth> Packs);

internal sealed record PackHealth(string Code, string? Version, PackStatus Status, int Routes, int Errors);
