namespace Valhalla.Packs.Obligations;

/// <summary>
/// When an obligation falls due: every <see cref="Interval"/> weeks on a weekday, every
/// <see cref="Interval"/> months on a day (a day past the month's end means its last day: 31 is
/// always the last day), or every year on a month and day (29 February is the 28th in other years);
/// from <see cref="StartDate"/> (the first occurrence is the first matching date on or after it) up
/// to <see cref="EndDate"/> inclusive, when set. Built only by <see cref="RecurrenceRules"/>, so it
/// is always possible and has at least one occurrence.
/// </summary>
public sealed record Recurrence
{
    public required string Frequency { get; init; }

    public required int Interval { get; init; }

    /// <summary>Weekly only.</summary>
    public DayOfWeek? Weekday { get; init; }

    /// <summary>Day of the month, 1–31; monthly and yearly.</summary>
    public int? Day { get; init; }

    /// <summary>Month of the year, 1–12; yearly only.</summary>
    public int? Month { get; init; }

    public required DateOnly StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    /// <summary>The <paramref name="index"/>th occurrence (0 is the first), ignoring the end date.</summary>
    public DateOnly Nth(int index) => Frequency switch
    {
        RecurrenceValues.Weekly => FirstWeekly().AddDays(7 * Interval * index),
        RecurrenceValues.Monthly => OnDay(FirstMonthly().AddMonths(Interval * index)),
        _ => OnDay(FirstYearly().AddYears(index)),
    };

    /// <summary>The index of the first occurrence on or after <paramref name="date"/> (0 when it is before the start).</summary>
    public int IndexOnOrAfter(DateOnly date)
    {
        if (date <= StartDate)
        {
            return 0;
        }

        var first = Nth(0);
        var guess = Frequency switch
        {
            RecurrenceValues.Weekly => (date.DayNumber - first.DayNumber) / (7 * Interval),
            RecurrenceValues.Monthly => MonthsBetween(first, date) / Interval,
            _ => date.Year - first.Year,
        };
        var index = Math.Max(0, guess - 1);
        while (Nth(index) < date)
        {
            index++;
        }

        return index;
    }

    /// <summary>Whether the <paramref name="index"/>th occurrence is within the end date.</summary>
    public bool Exists(int index) => index >= 0 && (EndDate is not { } end || Nth(index) <= end);

    /// <summary>The occurrences from <paramref name="from"/> to <paramref name="to"/> inclusive, as (index, due date).</summary>
    public IEnumerable<(int Index, DateOnly Due)> Between(DateOnly from, DateOnly to)
    {
        for (var index = IndexOnOrAfter(from); Exists(index); index++)
        {
            var due = Nth(index);
            if (due > to)
            {
                yield break;
            }

            yield return (index, due);
        }
    }

    private DateOnly FirstWeekly() => StartDate.AddDays(((int)Weekday!.Value - (int)StartDate.DayOfWeek + 7) % 7);

    // The first month whose occurrence is on or after the start; occurrences are its 1st + k·interval months.
    private DateOnly FirstMonthly()
    {
        var month = new DateOnly(StartDate.Year, StartDate.Month, 1);
        return OnDay(month) >= StartDate ? month : month.AddMonths(1);
    }

    private DateOnly FirstYearly()
    {
        var year = new DateOnly(StartDate.Year, Month!.Value, 1);
        return OnDay(year) >= StartDate ? year : year.AddYears(1);
    }

    // The occurrence in the month starting at firstOfMonth: the day, or the month's last day when shorter.
    private DateOnly OnDay(DateOnly firstOfMonth) =>
        firstOfMonth.AddDays(Math.Min(Day!.Value, DateTime.DaysInMonth(firstOfMonth.Year, firstOfMonth.Month)) - 1);

    private static int MonthsBetween(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month;
}
