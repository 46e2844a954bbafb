using Valhalla.Contracts;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Obligations;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Obligations.Tests;

/// <summary>The month view and coverage over a real store, with the ledger and budget faked. Today is 2026-03-10.</summary>
public sealed class ObligationMonthsTests : IAsyncLifetime
{
    private const string Housing = "bk_aaaaaaaaaaaa";
    private readonly ObligationsFixture _f = new();

    public Task InitializeAsync() => _f.InitializeAsync();

    public Task DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task The_month_lists_each_occurrence_with_what_paid_it_and_totals()
    {
        _f.Packs.Add<IObligationPayments>(_f.Payments);
        var rent = await _f.MonthlyAsync("Rent", 950m, 1, Housing);
        var water = await _f.MonthlyAsync("Water", 40m, 20, Housing);
        _f.Payments.Pay(rent, "2026-03-01", 950m);

        var march = await _f.Months.MonthAsync(ObligationRules.Month("2026-03", "month"), default);

        Assert.Equal([("Rent", "paid", 0L), ("Water", "upcoming", 4000L)], march.Occurrences.Select(o => (o.Name, o.Status, o.Outstanding.MinorUnits)));
        Assert.Equal((99000L, 95000L, 4000L), (march.Totals.ExpectedMin.MinorUnits, march.Totals.Paid.MinorUnits, march.Totals.Outstanding.MinorUnits));
        Assert.Equal(_f.Payments.Payments.Select(p => p.TransactionId), march.Occurrences[0].TransactionIds);
        Assert.True(march.Covered);
        Assert.False(march.BudgetChecked);
        Assert.Equal(water.Id, march.Occurrences[1].ObligationId);
    }

    [Fact]
    public async Task Unpaid_past_grace_is_uncovered_and_the_coverage_names_it()
    {
        _f.Packs.Add<IObligationPayments>(_f.Payments);
        await _f.MonthlyAsync("Rent", 950m, 1, Housing);

        var coverage = await _f.Months.CoverageAsync(Month.Of(2026, 3), default);

        Assert.False(coverage.Covered);
        var rent = Assert.Single(coverage.Uncovered);
        Assert.Equal(("Rent", new DateOnly(2026, 3, 1), Money.FromDecimal(950), "unpaid"), (rent.Name, rent.DueDate, rent.Outstanding, rent.Reason));
    }

    [Fact]
    public async Task An_underfunded_bucket_uncovers_the_month_until_it_has_enough()
    {
        _f.Packs.Add<IBucketBalances>(_f.Balances);
        await _f.MonthlyAsync("Water", 40m, 20, Housing);
        _f.Balances.Remaining[Housing] = Money.FromDecimal(30);

        var short1 = await _f.Months.CoverageAsync(Month.Of(2026, 3), default);
        _f.Balances.Remaining[Housing] = Money.FromDecimal(40);
        var enough = await _f.Months.CoverageAsync(Month.Of(2026, 3), default);

        Assert.Equal("underfunded", Assert.Single(short1.Uncovered).Reason);
        Assert.True(enough.Covered);
    }

    [Fact]
    public async Task Payments_are_read_once_for_the_whole_range_back_to_the_settled_occurrences()
    {
        _f.Packs.Add<IObligationPayments>(_f.Payments);
        await _f.MonthlyAsync("Rent", 950m, 1, start: "2025-01-01");

        var range = await _f.Months.RangeAsync(ObligationRules.Month("2026-01", "from"), ObligationRules.Month("2026-03", "to"), default);

        Assert.Equal(3, range.Months.Count);
        var asked = Assert.Single(_f.Payments.Asked);
        Assert.Equal((new DateOnly(2025, 10, 2), new DateOnly(2026, 4, 1)), asked);
    }

    [Fact]
    public async Task A_bad_month_or_range_is_a_400_naming_it()
    {
        Assert.Equal("month", (await Assert.ThrowsAsync<PackProblemException>(() => _f.Months.MonthAsync(ObligationRules.Month("2026-13", "month"), default))).Field);
        Assert.Equal("to", (await Assert.ThrowsAsync<PackProblemException>(() => _f.Months.RangeAsync(ObligationRules.Month("2026-03", "from"), ObligationRules.Month("2026-01", "to"), default))).Field);
        Assert.Equal("to", (await Assert.ThrowsAsync<PackProblemException>(() => _f.Months.RangeAsync(ObligationRules.Month("2026-01", "from"), ObligationRules.Month("2028-01", "to"), default))).Field);
    }

    [Fact]
    public async Task A_range_runs_from_one_month_to_24_and_its_refusals_say_why()
    {
        var single = await _f.Months.RangeAsync(ObligationRules.Month("2026-03", "from"), ObligationRules.Month("2026-03", "to"), default);
        var widest = await _f.Months.RangeAsync(ObligationRules.Month("2026-01", "from"), ObligationRules.Month("2027-12", "to"), default);

        Assert.Equal(ObligationRules.Month("2026-03", "from"), Assert.Single(single.Months).Month);
        Assert.Equal(24, widest.Months.Count);
        Assert.Equal("to: must not be before from (2026-03).", (await Assert.ThrowsAsync<PackProblemException>(() =>
            _f.Months.RangeAsync(ObligationRules.Month("2026-03", "from"), ObligationRules.Month("2026-02", "to"), default))).Message);
        Assert.Equal("to: a range may span at most 24 months.", (await Assert.ThrowsAsync<PackProblemException>(() =>
            _f.Months.RangeAsync(ObligationRules.Month("2026-01", "from"), ObligationRules.Month("2028-01", "to"), default))).Message);
    }
}
