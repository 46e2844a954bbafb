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
