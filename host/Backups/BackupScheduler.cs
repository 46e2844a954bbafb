using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Valhalla.Host.Backups;

/// <summary>Takes the scheduled backups while the host serves (see <see cref="BackupOptions"/>).</summary>
internal sealed class BackupScheduler(
    BackupService backups, LastBackup last, IOptions<BackupOptions> options, TimeProvider time, ILogger<BackupScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        BackupSchedule schedule;
        try
        {
            schedule = new BackupSchedule(options.Value, TimeZoneInfo.Local);
        }
        catch (ArgumentException ex)
        {
            logger.LogError("Scheduled backups are off: {Reason}", ex.Message);
            last.Set(new BackupRecord("-", time.GetUtcNow(), 0, BackupRecord.Failed, "Scheduled backups are off: " + ex.Message));
            return;
        }

        var startedAt = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            // From the last attempt, failed or not: a failing backup is retried one interval later, not in a loop.
            var lastAttempt = last.Record?.Time ?? backups.List().FirstOrDefault()?.Time;
            if (schedule.Next(now, startedAt, lastAttempt) is not { } next)
            {
                logger.LogWarning("The backup schedule {Cron} has no further occurrence; scheduled backups stop", options.Value.Cron);
                return;
            }

            logger.LogInformation("Next scheduled backup at {Time:u}", next);
            try
            {
                if (next > now)
                {
                    await Task.Delay(next - now, time, stoppingToken);
                }

                await backups.BackUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
