namespace Valhalla.Host.Backups;

/// <summary>The <c>Valhalla:Backups</c> configuration section: scheduled backups and how many to keep.</summary>
public sealed class BackupOptions
{
    public const string Section = "Valhalla:Backups";

    /// <summary>When false, the host takes no scheduled backups (on demand ones still work).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between scheduled backups (one day by default); ignored when <see cref="Cron"/> is set.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A cron expression (five fields, or six with seconds) in the machine's time zone, e.g. <c>0 3 * * *</c>.</summary>
    public string? Cron { get; set; }

    /// <summary>How many backups to keep: the oldest beyond it are deleted after each successful backup. 0 keeps all.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>
    /// The shortest time after start-up before a scheduled interval backup (10 minutes), so a host
    /// that restarts often, or a test, does not back up on every start.
    /// </summary>
    public TimeSpan StartDelay { get; set; } = TimeSpan.FromMinutes(10);
}
