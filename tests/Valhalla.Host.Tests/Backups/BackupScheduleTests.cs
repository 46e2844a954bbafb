using Valhalla.Host.Backups;

namespace Valhalla.Host.Tests.Backups;

public sealed class BackupScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void With_no_backup_yet_the_first_waits_for_the_start_delay()
    {
        var schedule = new BackupSchedule(new BackupOptions { Interval = TimeSpan.FromHours(6), StartDelay = TimeSpan.FromMinutes(10) }, TimeZoneInfo.Utc);

        Assert.Equal(Start.AddMinutes(10), schedule.Next(Start, Start, lastBackup: null));
    }

    [Fact]
    public void The_next_is_one_interval_after_the_last()
    {
        var schedule = new BackupSchedule(new BackupOptions { Interval = TimeSpan.FromHours(6), StartDelay = TimeSpan.Zero }, TimeZoneInfo.Utc);

        Assert.Equal(Start.AddHours(5), schedule.Next(Start, Start, lastBackup: Start.AddHours(-1)));
    }

    [Fact]
    public void An_overdue_backup_runs_once_the_start_delay_has_passed()
    {
        var schedule = new BackupSchedule(new BackupOptions { Interval = TimeSpan.FromHours(6), StartDelay = TimeSpan.FromMinutes(10) }, TimeZoneInfo.Utc);

        Assert.Equal(Start.AddMinutes(10), schedule.Next(Start, Start, lastBackup: Start.AddDays(-3)));
        Assert.Equal(Start.AddHours(1), schedule.Next(Start.AddHours(1), Start, lastBackup: Start.AddDays(-3)));
    }

    [Fact]
    public void A_cron_expression_gives_its_next_occurrence_in_the_zone()
    {
        var schedule = new BackupSchedule(new BackupOptions { Cron = "30 3 * * *" }, TimeZoneInfo.Utc);

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 3, 30, 0, TimeSpan.Zero), schedule.Next(Start, Start, lastBackup: Start.AddMinutes(-1)));
    }

    [Fact]
    public void A_cron_expression_with_seconds_is_read_as_six_fields()
    {
        var schedule = new BackupSchedule(new BackupOptions { Cron = "15 0 * * * *" }, TimeZoneInfo.Utc);

        Assert.Equal(Start.AddSeconds(15), schedule.Next(Start, Start, lastBackup: null));
    }

    [Fact]
    public void A_bad_cron_expression_is_refused_naming_the_setting()
    {
        var refused = Assert.Throws<ArgumentException>(() => new BackupSchedule(new BackupOptions { Cron = "every night" }, TimeZoneInfo.Utc));

        Assert.Contains("Valhalla:Backups:Cron", refused.Message);
    }

    [Fact]
    public void A_zero_interval_is_refused_naming_the_setting()
    {
        var refused = Assert.Throws<ArgumentException>(() => new BackupSchedule(new BackupOptions { Interval = TimeSpan.Zero }, TimeZoneInfo.Utc));

        Assert.Contains("Valhalla:Backups:Interval", refused.Message);
    }
}
