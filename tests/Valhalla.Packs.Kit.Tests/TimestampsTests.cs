using Microsoft.Extensions.Time.Testing;

namespace Valhalla.Packs.Kit.Tests;

/// <summary>Timestamps as stored: UTC, millisecond precision, text order is time order.</summary>
public sealed class TimestampsTests
{
    [Fact]
    public void Now_drops_what_is_finer_than_a_millisecond_and_is_UTC()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 30, 15, 123, TimeSpan.Zero).AddTicks(9_999));

        var now = Timestamps.Now(time);

        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 30, 15, 123, TimeSpan.Zero), now);
        Assert.Equal(TimeSpan.Zero, now.Offset);
        Assert.Equal(0, now.Ticks % TimeSpan.TicksPerMillisecond);
    }

    [Fact]
    public void Now_on_a_whole_millisecond_is_that_millisecond()
    {
        var at = new DateTimeOffset(2026, 1, 5, 9, 30, 15, 124, TimeSpan.Zero);

        Assert.Equal(at, Timestamps.Now(new FakeTimeProvider(at)));
    }

    [Fact]
    public void A_value_read_back_equals_the_value_made_by_now()
    {
        var now = Timestamps.Now(new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 59, 59, 999, TimeSpan.Zero).AddTicks(1)));

        Assert.Equal(now, Timestamps.Parse(Timestamps.Format(now)));
    }

    [Fact]
    public void Format_writes_UTC_with_three_decimals_and_a_Z()
    {
        Assert.Equal("2026-01-05T09:00:00.000Z", Timestamps.Format(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2026-01-05T07:00:00.050Z", Timestamps.Format(new DateTimeOffset(2026, 1, 5, 9, 0, 0, 50, TimeSpan.FromHours(2))));
        Assert.Equal("2025-12-31T23:30:00.000Z", Timestamps.Format(new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.FromHours(1.5))));
    }

    [Fact]
    public void Parse_reads_the_stored_form_as_UTC()
    {
        var parsed = Timestamps.Parse("2026-01-05T09:00:00.050Z");

        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 0, 0, 50, TimeSpan.Zero), parsed);
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
    }

    [Theory]
    [InlineData("2026-01-05T09:00:00Z")]
    [InlineData("2026-01-05T09:00:00.000")]
    [InlineData("2026-01-05 09:00:00.000Z")]
    [InlineData("2026-01-05T09:00:00.000+00:00")]
    public void Parse_refuses_any_other_form(string text) =>
        Assert.Throws<FormatException>(() => Timestamps.Parse(text));
}
