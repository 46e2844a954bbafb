using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Valhalla.Contracts.Access;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Backups;
using Valhalla.Host.Events;
using Valhalla.Host.Loading;

namespace Valhalla.Host.Http;

/// <summary>
/// <c>GET /health</c>: the host is up; each pack's status says whether it serves. Packs that were
/// unloaded but are still held in memory (leaked) are listed too, and make the host degraded.
/// Without a key it answers the overall status only (for a monitor); the detail needs read.
/// </summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth)
            .WithName("GetHealth")
            .WithSummary("Host health and the status of every pack.")
            .WithTags("Host")
            .AllowAnonymous();
        return app;
    }

    private static async Task<Ok<Health>> GetHealth(PackHost host, MoneyEventDispatcher events, LastBackup lastBackup, HttpContext context, CancellationToken ct)
    {
        var report = host.Report;
        IReadOnlyList<string> leaked = [.. host.Unloads.Where(u => !u.Unloaded).Select(u => $"{u.Code} {u.Version}")];
        var status = report.Packs.All(p => p.Status == PackStatus.Loaded) && leaked.Count == 0 ? "healthy" : "degraded";
        if (context.GetCaller() is null)
        {
            return TypedResults.Ok(new Health(status, report.GeneratedAt, null, null, null));
        }

        var pending = await events.PendingAsync(ct);
        var packs = report.Packs.Select(p => new PackHealth(
            p.Code, p.Manifest?.Version, p.Status, p.Routes.Count, p.Errors.Count(), pending.TryGetValue(p.Code, out var n) ? n : null)).ToList();
        return TypedResults.Ok(new Health(status, report.GeneratedAt, packs, leaked, lastBackup.Record));
    }
}

/// <param name="Packs">Each pack's status; only for a caller with a key.</param>
/// <param name="Leaked">Unloaded packs whose load context something still holds, as "CODE version"; only for a caller with a key.</param>
/// <param name="LastBackup">The last backup attempt (time, size, outcome); only for a caller with a key, and once there was one.</param>
internal sealed record Health(
    string Status,
    DateTimeOffset CheckedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PackHealth>? Packs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Leaked,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BackupRecord? LastBackup);

/// <param name="PendingEvents">Money events waiting in the pack's outbox for the audit sink; null for a pack that emits none.</param>
internal sealed record PackHealth(string Code, string? Version, PackStatus Status, int Routes, int Errors, int? PendingEvents);
