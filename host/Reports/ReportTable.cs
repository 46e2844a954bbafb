using System.Globalization;
using System.Text;
using Valhalla.Contracts.Catalog;

namespace Valhalla.Host.Reports;

/// <summary>Renders a validation report as the table printed at start-up and by <c>validate</c>.</summary>
public static class ReportTable
{
    private static readonly string[] Headers = ["PACK", "VERSION", "STATUS", "ROUTES", "LOAD MS", "ERRORS", "WARNINGS", "FOLDER"];

    public static string Render(ValidationReport report)
    {
        var rows = report.Packs.Select(p => new[]
        {
            p.Code,
            p.Manifest?.Version ?? "-",
            p.Status.ToString().ToLowerInvariant(),
            p.Routes.Count.ToString(CultureInfo.InvariantCulture),
            p.Status == PackStatus.Loaded || p.Status == PackStatus.Failed ? p.LoadMs.ToString("F1", CultureInfo.InvariantCulture) : "-",
            p.Errors.Count().ToString(CultureInfo.InvariantCulture),
            p.Warnings.Count().ToString(CultureInfo.InvariantCulture),
            p.Folder,
        }).ToList();
        var widths = Headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();

        var text = new StringBuilder();
        AppendRow(text, Headers, widths);
        AppendRow(text, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }

        if (report.Packs.Count == 0)
        {
            text.AppendLine("(no packs found in the drop folder)");
        }

        foreach (var finding in report.Packs.SelectMany(p => p.Findings))
        {
            var severity = finding.Severity == Severity.Error ? "error  " : "warning";
            text.Append(CultureInfo.InvariantCulture, $"{severity} {finding.Pack} {finding.Code}: {finding.Title} {finding.Detail}").AppendLine();
        }

        var errors = report.Errors.Count;
        var warnings = report.Warnings.Count;
        text.Append(CultureInfo.InvariantCulture, $"{report.Packs.Count} packs, {errors} errors, {warnings} warnings").AppendLine();
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths) =>
        text.AppendJoin("  ", cells.Select((c, i) => c.PadRight(widths[i]))).Append('\n');
}
