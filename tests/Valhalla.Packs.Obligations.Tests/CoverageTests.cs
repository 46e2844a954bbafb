using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Obligations.Tests;

/// <summary>Covered(month) as of today, as the README states it.</summary>
public sealed class CoverageTests
{
    private const string Housing = "bk_aaaaaaaaaaaa";
    // First due in February 2026; every test pays what came before the month it looks at.
    private static readonly Obligation Rent = PaymentsAndStatusTests.Build("ob_aaaaaaaaaaaa", "Rent", 950m, 950m, day: 1, Housing);
    private static readonly Obligation Water = PaymentsAndStatusTests.Build("ob_bbbbbbbbbbbb", "Water", 40m, 60m, day: 20, Housing);
    private static readonly Obligation Gym = PaymentsAndStatusTests.Build("ob_cccccccccccc", "Gym", 30m, 30m, day: 25);
    private static readonly Contracts.Obligations.ObligationPayment[] February =
    [
        PaymentsAndStatusTests.Pay(Rent, "2026-02-01", 950m), PaymentsAndStatusTests.Pay(Water, "2026-02-19", 40m), PaymentsAndStatusTests.Pay(Gym, "2026-02-25", 30m),
    ];

    [Fact]
    public void An_occurrence_past_its_grace_and_unpaid_uncovers_the_month()
    {
        var uncovered = Uncovered("2026-03", "2026-03-05", null);

        Assert.Equal([("Rent", new DateOnly(2026, 3, 1), 95000L, Coverage.Unpaid)], uncovered.Select(u => (u.Name, u.DueDate, u.Outstanding.MinorUnits, u.Reason)));
    }

    [Fact]
    public void Within_grace_an_unpaid_occurrence_is_still_to_come()
    {
        Assert.Empty(Uncovered("2026-03", "2026-03-04", null));
    }

    [Fact]
    public void Occurrences_still_to_come_need_their_buckets_remaining_when_the_budget_is_known()
    {
        Contracts.Obligations.ObligationPayment[] paid = [.. February, PaymentsAndStatusTests.Pay(Rent, "2026-03-01", 950m)];

        Assert.Empty(Uncovered("2026-03", "2026-03-10", Remaining(40m), paid));
        var short1 = Uncovered("2026-03", "2026-03-10", Remaining(39.99m), paid);
        Assert.Equal([("Water", Coverage.Underfunded)], short1.Select(u => (u.Name, u.Reason)));
        Assert.Equal([("Water", Coverage.Underfunded)], Uncovered("2026-03", "2026-03-10", new Dictionary<string, Money>(), paid).Select(u => (u.Name, u.Reason)));
    }

    [Fact]
    public void Without_the_budget_occurrences_still_to_come_count_as_covered()
    {
        Assert.Empty(Uncovered("2026-03", "2026-03-02", null));
    }

    [Fact]
    public void A_past_month_is_covered_when_every_occurrence_was_paid()
    {
        Assert.Empty(Uncovered("2026-02", "2026-03-10", Remaining(0m), February));
        Assert.Equal(["Gym"], Uncovered("2026-02", "2026-03-10", null, February[..2]).Select(u => u.Name));
    }

    [Fact]
    public void A_past_months_unpaid_occurrence_is_uncovered_even_within_its_grace()
    {
        var late = PaymentsAndStatusTests.Build("ob_dddddddddddd", "Tax", 10m, 10m, day: 28);
        var occurrences = OccurrenceCalculator.Occurrences(late, [], new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 1));

        var uncovered = Coverage.Uncovered(Month.Of(2026, 2), occurrences, new DateOnly(2026, 3, 1), null);

        Assert.Equal([("Tax", Coverage.Unpaid)], uncovered.Select(u => (u.Name, u.Reason)));
    }

    [Fact]
    public void On_the_last_day_of_its_grace_an_occurrence_still_to_come_needs_its_bucket()
    {
        Contracts.Obligations.ObligationPayment[] paid = [.. February, PaymentsAndStatusTests.Pay(Rent, "2026-03-01", 950m)];

        var uncovered = Uncovered("2026-03", "2026-03-23", Remaining(0m), paid);

        var water = Assert.Single(uncovered);
        Assert.Equal((Water.Id, "Water", new DateOnly(2026, 3, 20), 4000L, Coverage.Underfunded),
            (water.ObligationId, water.Name, water.DueDate, water.Outstanding.MinorUnits, water.Reason));
    }

    [Fact]
    public void Uncovered_items_are_ordered_by_due_date_then_name_ignoring_case()
    {
        var apple = PaymentsAndStatusTests.Build("ob_eeeeeeeeeeee", "apple", 10m, 10m, day: 2, start: "2026-03-01");
        var banana = PaymentsAndStatusTests.Build("ob_ffffffffffff", "Banana", 10m, 10m, day: 2, start: "2026-03-01");
        var cherry = PaymentsAndStatusTests.Build("ob_gggggggggggg", "cherry", 10m, 10m, day: 1, start: "2026-03-01");
        var today = new DateOnly(2026, 3, 10);
        var march = Month.Of(2026, 3);
        var occurrences = new[] { banana, apple, cherry }.SelectMany(o => OccurrenceCalculator.Occurrences(o, [], march.FirstDay, march.LastDay, today)).ToList();

        Assert.Equal(["cherry", "apple", "Banana"], Coverage.Uncovered(march, occurrences, today, null).Select(u => u.Name));
    }

    [Fact]
    public void Underfunded_and_unpaid_items_are_ordered_together_by_due_date()
    {
        // Insurance (the 5th, ten days' grace) is still to come and short; Phone (the 8th, no grace) is unpaid.
        var insurance = PaymentsAndStatusTests.Build("ob_eeeeeeeeeeee", "Insurance", 10m, 10m, day: 5, Housing, "2026-03-01") with { GraceDays = 10 };
        var phone = PaymentsAndStatusTests.Build("ob_ffffffffffff", "Phone", 10m, 10m, day: 8, start: "2026-03-01") with { GraceDays = 0 };
        var today = new DateOnly(2026, 3, 10);
        var march = Month.Of(2026, 3);
        var occurrences = new[] { insurance, phone }.SelectMany(o => OccurrenceCalculator.Occurrences(o, [], march.FirstDay, march.LastDay, today)).ToList();

        var uncovered = Coverage.Uncovered(march, occurrences, today, Remaining(0m));

        Assert.Equal([("Insurance", Coverage.Underfunded), ("Phone", Coverage.Unpaid)], uncovered.Select(u => (u.Name, u.Reason)));
    }

    private static Dictionary<string, Money> Remaining(decimal housing) => new() { [Housing] = Money.FromDecimal(housing) };

    private static IReadOnlyList<UncoveredItem> Uncovered(
        string month, string today, IReadOnlyDictionary<string, Money>? remaining, IEnumerable<Contracts.Obligations.ObligationPayment>? payments = null)
    {
        var m = Month.Parse(month);
        var day = DateOnly.Parse(today);
        var occurrences = new[] { Rent, Water, Gym }.SelectMany(o => OccurrenceCalculator.Occurrences(o, payments ?? February, m.FirstDay, m.LastDay, day)).ToList();
        return Coverage.Uncovered(m, occurrences, day, remaining);
    }
}
