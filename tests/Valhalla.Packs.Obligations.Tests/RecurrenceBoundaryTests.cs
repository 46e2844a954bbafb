using Valhalla.Contracts;

namespace Valhalla.Packs.Obligations.Tests;

/// <summary>The recurrence rules at the edges of what they allow, and the words of their refusals.</summary>
public sealed class RecurrenceBoundaryTests
{
    public static TheoryData<RecurrenceInput> Allowed => new()
    {
        new("monthly", Interval: RecurrenceRules.MaxMonths, Day: 31, StartDate: "2026-01-01"),
        new("monthly", Interval: 1, Day: 1, StartDate: "2026-01-01", EndDate: "2026-01-01"),
        new("weekly", Interval: RecurrenceRules.MaxWeeks, Weekday: "Sunday", StartDate: "2026-01-01"),
        new("weekly", Interval: 1, Weekday: "monday", StartDate: "2026-01-01"),
        new("yearly", Interval: 1, Day: 31, Month: 12, StartDate: "2026-01-01"),
        new("yearly", Day: 1, Month: 1, StartDate: "2026-01-01"),
    };

    public static TheoryData<RecurrenceInput, string> Refused => new()
    {
        { new("monthly", Interval: RecurrenceRules.MaxMonths + 1, Day: 1, StartDate: "2026-01-01"), "recurrence.interval: must be between 1 and 24 (months)." },
        { new("weekly", Interval: 0, Weekday: "friday", StartDate: "2026-01-01"), "recurrence.interval: must be between 1 and 52 (weeks)." },
        { new("monthly", Day: 1, Month: 3, StartDate: "2026-01-01"), "recurrence.month: does not apply to monthly recurrences." },
        { new("weekly", Weekday: "friday", Month: 3, StartDate: "2026-01-01"), "recurrence.month: does not apply to weekly recurrences." },
        { new("yearly", Weekday: "friday", Day: 1, Month: 3, StartDate: "2026-01-01"), "recurrence.weekday: does not apply to yearly recurrences." },
        { new("yearly", Day: 1, Month: 0, StartDate: "2026-01-01"), "recurrence.month: is required for yearly: 1 to 12." },
        { new("yearly", Day: 1, Month: 13, StartDate: "2026-01-01"), "recurrence.month: is required for yearly: 1 to 12." },
        { new("yearly", Day: 30, Month: 2, StartDate: "2026-01-01"), "recurrence.day: is required: 1 to 29." },
        { new("monthly", StartDate: "2026-01-01"), "recurrence.day: is required: 1 to 31." },
        { new("weekly", Weekday: "friday", StartDate: "2026-01-01", EndDate: "2026-01-31x"), "recurrence.end_date: '2026-01-31x' is not a real date: expected YYYY-MM-DD." },
        { new("monthly", Day: 1, StartDate: "2026-01-10", EndDate: "2026-01-09"), "recurrence.end_date: must not be before start_date (2026-01-10)." },
        { new("monthly", Day: 1, StartDate: "2026-01-10", EndDate: "2026-01-31"), "recurrence.end_date: leaves no occurrence: the first would be 2026-02-01." },
        { new("hourly", StartDate: "2026-01-01"), "recurrence.frequency: must be one of weekly, monthly, yearly." },
        { new("monthly", Day: 1), "recurrence.start_date: is required (YYYY-MM-DD)." },
        { new("monthly", Day: 1, StartDate: "2026-02-30"), "recurrence.start_date: '2026-02-30' is not a real date: expected YYYY-MM-DD." },
        { new("weekly", StartDate: "2026-01-01"), "recurrence.weekday: is required for weekly: monday to sunday." },
        { new("weekly", Weekday: "friday", Day: 3, StartDate: "2026-01-01"), "recurrence.day: does not apply to weekly recurrences." },
        { new("monthly", Day: 1, Weekday: "friday", StartDate: "2026-01-01"), "recurrence.weekday: does not apply to monthly recurrences." },
        { new("yearly", Interval: 2, Day: 1, Month: 1, StartDate: "2026-01-01"), "recurrence.interval: must be 1 for yearly (every year)." },
    };

    [Fact]
    public void A_missing_recurrence_is_refused_with_an_example()
    {
        var problem = Assert.Throws<PackProblemException>(() => RecurrenceRules.Parse(null));

        Assert.Equal("recurrence: is required, e.g. {\"frequency\": \"monthly\", \"day\": 1, \"start_date\": \"2026-01-01\"}.", problem.Message);
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void The_edges_of_each_rule_are_allowed(RecurrenceInput input)
    {
        var rule = RecurrenceRules.Parse(input);

        Assert.Equal((input.Frequency, input.Interval ?? 1, input.Day, input.Month), (rule.Frequency, rule.Interval, rule.Day, rule.Month));
        Assert.True(rule.Exists(0));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Just_past_each_edge_is_refused_saying_why(RecurrenceInput input, string message)
    {
        var problem = Assert.Throws<PackProblemException>(() => RecurrenceRules.Parse(input));

        Assert.Equal(message, problem.Message);
    }
}
