using System.Text.Json;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Backups;
using Valhalla.Host.Http;

namespace Valhalla.Host.Reports;

/// <summary>Writes the validation report as JSON under the data root's <c>reports/</c> folder.</summary>
public static class ReportWriter
{
    public const string FileName = "validation.json";

    private static readonly JsonSerializerOptions Json = WireJson.Create(indented: true);

    /// <summary>Writes atomically (temp file, then rename) and returns the path.</summary>
    /// <param name="lastBackup">The last backup attempt, shown under <c>last_backup</c>.</param>
    internal static async Task<string> WriteAsync(ValidationReport report, string reportsFolder, BackupRecord? lastBackup, CancellationToken ct = default)
    {
        Directory.CreateDirectory(reportsFolder);
        var path = Path.Combine(reportsFolder, FileName);
        // Its own temp name: a backup republishes the report while a pack change may be writing it.
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var stream = File.Create(temp))
        {
            await JsonSerializer.SerializeAsync(stream, ToDocument(report, lastBackup), Json, ct);
        }

        File.Move(temp, path, overwrite: true);
        return path;
    }

    /// <summary>The report in the shape written to disk: totals first, then each pack.</summary>
    internal static object ToDocument(ValidationReport report, BackupRecord? lastBackup) => new
    {
        report.GeneratedAt,
        report.ContractsVersion,
        report.Ok,
        Errors = report.Errors.Count,
        Warnings = report.Warnings.Count,
        Packs = report.Packs.Select(p => new
        {
            p.Code,
            p.Manifest?.Name,
            p.Manifest?.Version,
            p.Folder,
            p.Status,
            p.LoadMs,
            p.Routes,
            DataPaths = p.Manifest?.DataPaths ?? [],
            Errors = p.Errors,
            Warnings = p.Warnings,
        }),
        LastBackup = lastBackup,
    };
}
