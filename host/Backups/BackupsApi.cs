using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Valhalla.Contracts.Access;

namespace Valhalla.Host.Backups;

/// <summary><c>/host/backups</c>: take a backup now, list them, download one. Admin only: a backup holds every pack's data.</summary>
internal static class BackupsApi
{
    public static IEndpointRouteBuilder MapBackupsApi(this IEndpointRouteBuilder app)
    {
        var backups = app.MapGroup("/host/backups").RequireScope(AccessScope.Admin).WithTags("Host");
        backups.MapPost("", TakeBackup).WithName("TakeBackup")
            .WithSummary("Takes a consistent snapshot of every loaded pack's databases (and the host's) into one zip; writes go on meanwhile.")
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        backups.MapGet("", ListBackups).WithName("ListBackups").WithSummary("The backups on disk, newest first, and the last attempt if it failed.");
        backups.MapGet("/{name}", DownloadBackup).WithName("DownloadBackup").WithSummary("Downloads one backup (application/zip).")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<BackupRecord>, ProblemHttpResult>> TakeBackup(BackupService service, CancellationToken ct)
    {
        var record = await service.BackUpAsync(ct);
        return record.Outcome == BackupRecord.Ok
            ? TypedResults.Created($"/host/backups/{record.Name}", record)
            : TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The backup failed.",
                detail: $"{record.Error} No partial file was kept; the failure is shown in /health until the next backup.");
    }

    private static Ok<BackupList> ListBackups(BackupService service)
    {
        var items = service.List();
        return TypedResults.Ok(new BackupList(items, items.Count));
    }

    private static Results<FileStreamHttpResult, ProblemHttpResult> DownloadBackup(BackupService service, string name) =>
        service.Find(name) is { } file
            ? TypedResults.File(File.OpenRead(file), "application/zip", name)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such backup.",
                detail: $"No backup is named '{name}'. Names look like valhalla-20261201T031500000Z.zip; GET /host/backups lists them.");
}

/// <summary>The answer of <c>GET /host/backups</c>.</summary>
internal sealed record BackupList(IReadOnlyList<BackupRecord> Items, int Total);
