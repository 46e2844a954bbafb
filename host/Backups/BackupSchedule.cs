using Cronos;

namespace Valhalla.Host.Backups;

/// <summary>When the next scheduled backup is due: by cron expression, or by interval since the last one.</summary>
internal sealed class BackupSchedule
{
    private readonly BackupOptions _options;
    private readonly CronExpression? _cron;
    private readonly TimeZoneInfo _zone;

    /// <exception cref="ArgumentException">The cron expression or the interval is not usable; the message names the setting.</exception>
    public BackupSchedule(BackupOptions options, TimeZoneInfo zone)
    {
        _options = options;
        _zone = zone;
        if (!string.IsNullOrWhiteSpace(options.Cron))
        {
            var cron = options.Cron.Trim();
            var format = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
            try
            {
                _cron = CronExpression.Parse(cron, format);
            }
            catch (CronFormatException ex)
            {
                throw new ArgumentException($"{BackupOptions.Section}:Cron '{cron}' is not a cron expression: {ex.Message}", ex);
            }
        }
        else if (options.Interval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{BackupOptions.Section}:Interval must be positive (it is {options.Interval}); set {BackupOptions.Section}:Enabled=false to turn scheduled backups off.");
        }
    }

    /// <summary>
    /// The next backup after <paramref name="now"/>: the next cron occurrence; or one interval after
    /// the last backup (at once when it is overdue), but never sooner than the start-up delay.
    /// Null when the cron expression never occurs again.
    /// </summary>
    public DateTimeOffset? Next(DateTimeOffset now, DateTimeOffset startedAt, DateTimeOffset? lastBackup)
    {
        if (_cron is not null)
        {
            return _cron.GetNextOccurrence(now, _zone);
        }

        var due = lastBackup is { } last ? last + _options.Interval : now;
        var earliest = startedAt + _options.StartDelay;
        return due > earliest ? due : (now > earliest ? now : earliest);
    }
}
