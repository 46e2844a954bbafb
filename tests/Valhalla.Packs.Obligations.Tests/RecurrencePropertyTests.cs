using CsCheck;

namespace Valhalla.Packs.Obligations.Tests;

/// <summary>For random recurrences, the occurrences are strictly increasing, within start and end, one per period.</summary>
public sealed class RecurrencePropertyTests
{
    private static readonly DateOnly Epoch = new(2020, 1, 1);

    private static readonly Gen<DateOnly> GenDate = Gen.Int[0, 3000].Select(Epoch.AddDays);

    private static readonly Gen<Recurrence> GenWeekly =
        Gen.Select(Gen.Int[1, RecurrenceRules.MaxWeeks], Gen.Int[0, 6], GenDate, (interval, weekday, start) => new Recurrence
        {
            Frequency = RecurrenceValues.Weekly,
            Interval = interval,
            Weekday = (DayOfWeek)weekday,
            StartDate = start,
        });

    private static readonly Gen<Recurrence> GenMonthly =
        Gen.Select(Gen.Int[1, RecurrenceRules.MaxMonths], Gen.Int[1, 31], GenDate, (interval, day, start) => new Recurrence
        {
            Frequency = RecurrenceValues.Monthly,
            Interval = interval,
            Day = day,
            StartDate = start,
        });

    private static readonly Gen<Recurrence> GenYearly =
        Gen.Select(Gen.Int[1, 12], Gen.Int[1, 31], GenDate, (month, day, start) => new Recurrence
        {
            Frequency = RecurrenceValues.Yearly,
            Interval = 1,
            Month = month,
            Day = Math.Min(day, DateTime.DaysInMonth(2024, month)),
            StartDate = start,
        });

    private static readonly Gen<(Recurrence Rule, DateOnly From, DateOnly To)> GenCase =
        Gen.Select(Gen.OneOf(GenWeekly, GenMonthly, GenYearly), Gen.Int[0, 2000].Nullable(), GenDate, Gen.Int[0, 1500],
            (rule, endOffset, from, span) => (rule with { EndDate = endOffset is { } e ? rule.StartDate.AddDays(e) : null }, from, from.AddDays(span)))
            .Where(c => c.Item1.Exists(0)); // RecurrenceRules refuses a rule with no occurrence

    [Fact]
    public void Occurrences_are_strictly_increasing_and_within_start_and_end()
    {
        GenCase.Sample(c =>
        {
            var dues = c.Rule.Between(c.From, c.To).Select(o => o.Due).ToList();

            Assert.All(dues.Zip(dues.Skip(1)), pair => Assert.True(pair.First < pair.Second));
            Assert.All(dues, d => Assert.InRange(d, Max(c.From, c.Rule.StartDate), Min(c.To, c.Rule.EndDate ?? DateOnly.MaxValue)));
        });
    }

    [Fact]
    public void Between_finds_every_occurrence_the_rule_has_in_the_range()
    {
        GenCase.Sample(c =>
        {
            var all = Enumerable.Range(0, 400).TakeWhile(c.Rule.Exists).Select(c.Rule.Nth).Where(d => d >= c.From && d <= c.To).ToList();
            var between = c.Rule.Between(c.From, c.To).Select(o => o.Due).ToList();

            if (all.Count < 400)
            {
                Assert.Equal(all, between.Take(all.Count));
            }
        });
    }

    [Fact]
    public void There_is_one_occurrence_per_period()
    {
        GenCase.Sample(c =>
        {
            var dues = Enumerable.Range(0, 30).TakeWhile(c.Rule.Exists).Select(c.Rule.Nth).ToList();
            var first = dues[0];
            Assert.True(first >= c.Rule.StartDate);
            foreach (var (due, k) in dues.Select((d, k) => (d, k)))
            {
                switch (c.Rule.Frequency)
                {
                    case RecurrenceValues.Weekly:
                        Assert.Equal(c.Rule.Weekday, due.DayOfWeek);
                        Assert.Equal(7 * c.Rule.Interval * k, due.DayNumber - first.DayNumber);
                        break;
                    case RecurrenceValues.Monthly:
                        Assert.Equal(c.Rule.Interval * k, (due.Year - first.Year) * 12 + due.Month - first.Month);
                        break;
                    default:
                        Assert.Equal((first.Year + k, c.Rule.Month), (due.Year, due.Month));
                        break;
                }
            }

            // The first one is the first match on or after the start: nothing matching lies between them.
            Assert.True(c.Rule.Frequency != RecurrenceValues.Weekly || first.DayNumber - c.Rule.StartDate.DayNumber < 7);
        });
    }

    [Fact]
    public void A_day_past_the_months_end_lands_on_the_last_day_and_31_always_does()
    {
        GenMonthly.Sample(rule =>
        {
            foreach (var due in Enumerable.Range(0, 24).Select(rule.Nth))
            {
                var last = DateTime.DaysInMonth(due.Year, due.Month);
                Assert.Equal(Math.Min(rule.Day!.Value, last), due.Day);
                if (rule.Day == 31)
                {
                    Assert.Equal(last, due.Day);
                }
            }
        });
    }

    [Fact]
    public void Examples()
    {
        var rent = new Recurrence { Frequency = RecurrenceValues.Monthly, Interval = 1, Day = 31, StartDate = new DateOnly(2026, 1, 15) };
        var leap = new Recurrence { Frequency = RecurrenceValues.Yearly, Interval = 1, Month = 2, Day = 29, StartDate = new DateOnly(2026, 1, 1) };
        var fortnightly = new Recurrence { Frequency = RecurrenceValues.Weekly, Interval = 2, Weekday = DayOfWeek.Friday, StartDate = new DateOnly(2026, 1, 1) };

        Assert.Equal([new(2026, 1, 31), new(2026, 2, 28), new(2026, 3, 31), new(2026, 4, 30)], Enumerable.Range(0, 4).Select(rent.Nth));
        Assert.Equal([new(2026, 2, 28), new(2027, 2, 28), new(2028, 2, 29)], Enumerable.Range(0, 3).Select(leap.Nth));
        Assert.Equal([new(2026, 1, 2), new(2026, 1, 16), new(2026, 1, 30)], fortnightly.Between(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)).Select(o => o.Due));
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
