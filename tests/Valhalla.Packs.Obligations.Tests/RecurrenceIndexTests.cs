namespace Valhalla.Packs.Obligations.Tests;

/// <summary>Finding occurrences by date: on an occurrence, across years, at the range's ends.</summary>
public sealed class RecurrenceIndexTests
{
    [Theory]
    [InlineData("2026-03-01", 14)] // exactly on an occurrence, across a year
    [InlineData("2026-03-02", 15)]
    [InlineData("2025-01-01", 0)]
    [InlineData("2024-06-30", 0)]
    public void The_index_on_or_after_a_date_counts_months_across_years(string date, int index)
    {
        var rule = RecurrenceRules.Parse(new("monthly", Day: 1, StartDate: "2025-01-01"));

        Assert.Equal(index, rule.IndexOnOrAfter(DateOnly.Parse(date)));
    }

    [Theory]
    [InlineData("2026-01-30", 2)] // every other Friday from 2 January: 2nd, 16th, 30th
    [InlineData("2026-01-31", 3)]
    [InlineData("2026-01-16", 1)]
    public void The_index_on_or_after_a_date_counts_weeks_in_intervals(string date, int index)
    {
        var rule = RecurrenceRules.Parse(new("weekly", Interval: 2, Weekday: "friday", StartDate: "2026-01-01"));

        Assert.Equal(index, rule.IndexOnOrAfter(DateOnly.Parse(date)));
        Assert.Equal(new DateOnly(2026, 1, 2).AddDays(14 * index), rule.Nth(index));
    }

    [Theory]
    [InlineData("2029-03-15", 3)]
    [InlineData("2029-03-16", 4)]
    public void The_index_on_or_after_a_date_counts_years(string date, int index)
    {
        var rule = RecurrenceRules.Parse(new("yearly", Day: 15, Month: 3, StartDate: "2026-03-15"));

        Assert.Equal(index, rule.IndexOnOrAfter(DateOnly.Parse(date)));
    }

    [Fact]
    public void A_date_between_a_december_start_and_its_first_occurrence_in_january_is_before_the_first()
    {
        var rule = RecurrenceRules.Parse(new("monthly", Day: 5, StartDate: "2026-12-20"));

        Assert.Equal(0, rule.IndexOnOrAfter(new DateOnly(2026, 12, 25)));
        Assert.Equal(new DateOnly(2027, 1, 5), rule.Nth(0));
    }

    [Fact]
    public void A_yearly_start_on_its_day_is_the_first_occurrence()
    {
        var rule = RecurrenceRules.Parse(new("yearly", Day: 15, Month: 3, StartDate: "2026-03-15"));

        Assert.Equal(new DateOnly(2026, 3, 15), rule.Nth(0));
        Assert.Equal(new DateOnly(2027, 3, 15), RecurrenceRules.Parse(new("yearly", Day: 15, Month: 3, StartDate: "2026-03-16")).Nth(0));
    }

    [Fact]
    public void A_monthly_start_on_its_day_is_the_first_occurrence()
    {
        Assert.Equal(new DateOnly(2026, 3, 15), RecurrenceRules.Parse(new("monthly", Day: 15, StartDate: "2026-03-15")).Nth(0));
        Assert.Equal(new DateOnly(2026, 4, 15), RecurrenceRules.Parse(new("monthly", Day: 15, StartDate: "2026-03-16")).Nth(0));
    }

    [Fact]
    public void Between_includes_both_ends_and_stops_at_the_end_date()
    {
        var rule = RecurrenceRules.Parse(new("monthly", Day: 10, StartDate: "2026-01-01", EndDate: "2026-04-10"));

        Assert.Equal([(1, new DateOnly(2026, 2, 10)), (2, new DateOnly(2026, 3, 10))], rule.Between(new DateOnly(2026, 2, 10), new DateOnly(2026, 3, 10)));
        Assert.Equal([(3, new DateOnly(2026, 4, 10))], rule.Between(new DateOnly(2026, 3, 11), new DateOnly(2026, 12, 31)));
        Assert.Empty(rule.Between(new DateOnly(2026, 2, 11), new DateOnly(2026, 3, 9)));
    }
}
