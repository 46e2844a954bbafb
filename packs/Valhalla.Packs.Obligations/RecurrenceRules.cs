using System.Globalization;
using Valhalla.Contracts;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Obligations;

/// <summary>Turns a recurrence from the wire into a <see cref="Recurrence"/>; an impossible one is a 400 naming the field.</summary>
public static class RecurrenceRules
{
    public const int MaxWeeks = 52;
    public const int MaxMonths = 24;

    public static Recurrence Parse(RecurrenceInput? input)
    {
        if (input is null)
        {
            throw PackProblemException.BadField("recurrence", "is required, e.g. {\"frequency\": \"monthly\", \"day\": 1, \"start_date\": \"2026-01-01\"}.");
        }

        var start = Date(input.StartDate, "recurrence.start_date")
            ?? throw PackProblemException.BadField("recurrence.start_date", "is required (YYYY-MM-DD).");
        var end = Date(input.EndDate, "recurrence.end_date");
        var recurrence = input.Frequency switch
        {
            RecurrenceValues.Weekly => Weekly(input, start),
            RecurrenceValues.Monthly => Monthly(input, start),
            RecurrenceValues.Yearly => Yearly(input, start),
            _ => throw PackProblemException.BadField("recurrence.frequency", $"must be one of {string.Join(", ", RecurrenceValues.Frequencies)}."),
        } with
        { EndDate = end };

        if (end is { } last && last < start)
        {
            throw PackProblemException.BadField("recurrence.end_date", $"must not be before start_date ({start:yyyy-MM-dd}).");
        }

        if (!recurrence.Exists(0))
        {
            throw PackProblemException.BadField("recurrence.end_date", $"leaves no occurrence: the first would be {recurrence.Nth(0):yyyy-MM-dd}.");
        }

        return recurrence;
    }

    private static Recurrence Weekly(RecurrenceInput input, DateOnly start)
    {
        NotFor(input.Day, "day", "weekly");
        NotFor(input.Month, "month", "weekly");
        var weekday = input.Weekday is { } text && Enum.TryParse<DayOfWeek>(text, ignoreCase: true, out var day) && !int.TryParse(text, out _)
            ? day
            : throw PackProblemException.BadField("recurrence.weekday", "is required for weekly: monday to sunday.");
        return new Recurrence { Frequency = RecurrenceValues.Weekly, Interval = Interval(input.Interval, MaxWeeks, "weeks"), Weekday = weekday, StartDate = start };
    }

    private static Recurrence Monthly(RecurrenceInput input, DateOnly start)
    {
        NotFor(input.Weekday, "weekday", "monthly");
        NotFor(input.Month, "month", "monthly");
        return new Recurrence { Frequency = RecurrenceValues.Monthly, Interval = Interval(input.Interval, MaxMonths, "months"), Day = DayOfMonth(input.Day, 31), StartDate = start };
    }

    private static Recurrence Yearly(RecurrenceInput input, DateOnly start)
    {
        NotFor(input.Weekday, "weekday", "yearly");
        if (input.Interval is not (null or 1))
        {
            throw PackProblemException.BadField("recurrence.interval", "must be 1 for yearly (every year).");
        }

        var month = input.Month is >= 1 and <= 12 ? input.Month.Value : throw PackProblemException.BadField("recurrence.month", "is required for yearly: 1 to 12.");
        var day = DayOfMonth(input.Day, DateTime.DaysInMonth(2024, month)); // a leap year: 29 February is allowed
        return new Recurrence { Frequency = RecurrenceValues.Yearly, Interval = 1, Month = month, Day = day, StartDate = start };
    }

    private static int Interval(int? interval, int max, string unit) =>
        interval is null ? 1
            : interval is >= 1 && interval <= max ? interval.Value
            : throw PackProblemException.BadField("recurrence.interval", $"must be between 1 and {max} ({unit}).");

    private static int DayOfMonth(int? day, int max) =>
        day is >= 1 && day <= max ? day.Value : throw PackProblemException.BadField("recurrence.day", $"is required: 1 to {max}.");

    private static void NotFor(object? value, string field, string frequency)
    {
        if (value is not null)
        {
            throw PackProblemException.BadField($"recurrence.{field}", $"does not apply to {frequency} recurrences.");
        }
    }

    public static DateOnly? Date(string? text, string field) =>
        text is null ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
            : throw PackProblemException.BadField(field, $"'{text}' is not a real date: expected YYYY-MM-DD.");
}
