namespace Valhalla.Packs.Kit.Tests;

/// <summary>Parsing does not depend on the machine's time zone (the process's zone is changed, so this runs alone).</summary>
[Collection(nameof(LocalTimeZoneCollection))]
public sealed class TimestampsInAnotherZoneTests
{
    [Fact]
    public void Parse_reads_UTC_on_a_machine_east_of_Greenwich()
    {
        var zone = Environment.GetEnvironmentVariable("TZ");
        Environment.SetEnvironmentVariable("TZ", "Asia/Tokyo");
        TimeZoneInfo.ClearCachedData();
        try
        {
            Assert.Equal(TimeSpan.FromHours(9), TimeZoneInfo.Local.BaseUtcOffset); // the zone really changed

            var parsed = Timestamps.Parse("2026-01-05T09:00:00.000Z");

            Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), parsed);
            Assert.Equal(TimeSpan.Zero, parsed.Offset);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", zone);
            TimeZoneInfo.ClearCachedData();
        }
    }
}
