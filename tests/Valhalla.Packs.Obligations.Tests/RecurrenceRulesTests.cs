using Valhalla.Contracts;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Obligations.Tests;

public sealed class RecurrenceRulesTests
{
    public static TheoryData<RecurrenceInput?, string> Impossible => new()
    {
        { null, "recurrence" },
        { new("monthly", Day: 1), "recurrence.start_date" },
        { new("monthly", Day: 1, StartDate: "2026-02-30"), "recurrence.start_date" },
        { new("daily", StartDate: "2026-01-01"), "recurrence.frequency" },
        { new("monthly", Day: 0, StartDate: "2026-01-01"), "recurrence.day" },
        { new("monthly", Day: 32, StartDate: "2026-01-01"), "recurrence.day" },
        { new("monthly", Interval: 0, Day: 1, StartDate: "2026-01-01"), "recurrence.interval" },
        { new("monthly", Day: 1, Weekday: "friday", StartDate: "2026-01-01"), "recurrence.weekday" },
        { new("weekly", StartDate: "2026-01-01"), "recurrence.weekday" },
        { new("weekly", Weekday: "fryday", StartDate: "2026-01-01"), "recurrence.weekday" },
        { new("weekly", Weekday: "3", StartDate: "2026-01-01"), "recurrence.weekday" },
        { new("weekly", Interval: 53, Weekday: "friday", StartDate: "2026-01-01"), "recurrence.interval" },
        { new("weekly", Weekday: "friday", Day: 3, StartDate: "2026-01-01"), "recurrence.day" },
        { new("yearly", Day: 30, Month: 2, StartDate: "2026-01-01"), "recurrence.day" },
        { new("yearly", Day: 31, Month: 4, StartDate: "2026-01-01"), "recurrence.day" },
        { new("yearly", Day: 1, StartDate: "2026-01-01"), "recurrence.month" },
        { new("yearly", Interval: 2, Day: 1, Month: 1, StartDate: "2026-01-01"), "recurrence.interval" },
        { new("monthly", Day: 1, StartDate: "2026-01-10", EndDate: "2026-01-01"), "recurrence.end_date" },
        { new("monthly", Day: 1, StartDate: "2026-01-10", EndDate: "2026-01-31"), "recurrence.end_date" },
    };

    [Theory]
    [MemberData(nameof(Impossible))]
    public void An_impossible_recurrence_is_a_400_naming_its_field(RecurrenceInput? input, string field)
    {
        var problem = Assert.Throws<PackProblemException>(() => RecurrenceRules.Parse(input));

        Assert.Equal((400, field), (problem.Status, problem.Field));
    }

    [Fact]
    public void Interval_defaults_to_1_and_29_february_is_a_yearly_day()
    {
        var rule = RecurrenceRules.Parse(new("yearly", Day: 29, Month: 2, StartDate: "2026-01-01"));

        Assert.Equal((1, new DateOnly(2026, 2, 28)), (rule.Interval, rule.Nth(0)));
    }
}
