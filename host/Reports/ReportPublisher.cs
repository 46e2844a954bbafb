using Microsoft.Extensions.Logging;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Backups;

namespace Valhalla.Host.Reports;

/// <summary>
/// Holds the host's latest report, writes it under the reports folder (with the last backup's outcome)
/// and wakes whoever waits for the next one.
/// </summary>
internal sealed class ReportPublisher(string reportsFolder, ValidationReport initial, LastBackup? lastBackup, ILogger logger)
{
    private TaskCompletionSource<ValidationReport> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValidationReport Current { get; private set; } = initial;

    /// <summary>Completes with the next report published.</summary>
    public Task<ValidationReport> Next => _next.Task;

    public async Task PublishAsync(ValidationReport report, CancellationToken ct)
    {
        Current = report;
        try
        {
            await ReportWriter.WriteAsync(report, reportsFolder, lastBackup?.Record, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not write the report to {Folder}: {Reason}", reportsFolder, ex.Message);
        }

        Interlocked.Exchange(ref _next, new TaskCompletionSource<ValidationReport>(TaskCreationOptions.RunContinuationsAsynchronously))
            .TrySetResult(report);
    }
}
