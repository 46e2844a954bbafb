using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Obligations;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Obligations.Tests;

/// <summary>The month view's defaults, order, payment window and when it asks the budget. Today is 2026-03-10.</summary>
public sealed class ObligationMonthsEdgeTests : IAsyncLifetime
{
    private const string Housing = "bk_aaaaaaaaaaaa";
    private readonly ObligationsFixture _f = new();

    public Task InitializeAsync() => _f.InitializeAsync();

    public Task DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task Without_a_month_the_view_is_of_the_current_month()
    {
        var view = await _f.Months.MonthAsync(null, default);

        Assert.Equal((Month.Of(2026, 3), new DateOnly(2026, 3, 10)), (view.Month, view.Today));
    }

    [Fact]
    public async Task Occurrences_due_the_same_day_are_ordered_by_priority_then_name_ignoring_case()
    {
        await Create("banana", "A", day: 5);
        await Create("Apple", "B", day: 5);
        await Create("apricot", "A", day: 5);
        await Create("Cherry", "C", day: 4);

        var march = await _f.Months.MonthAsync(Month.Of(2026, 3), default);

        Assert.Equal(["Cherry", "apricot", "banana", "Apple"], march.Occurrences.Select(o => o.Name));
    }

    [Fact]
    public async Task The_totals_add_up_minimums_maximums_payments_and_what_is_outstanding()
    {
        _f.Packs.Add<IObligationPayments>(_f.Payments);
        var power = await _f.Obligations.CreateAsync(new CreateObligation("Power", new RecurrenceInput("monthly", Day: 15, StartDate: "2026-03-01"),
            AmountMin: Money.FromDecimal(50), AmountMax: Money.FromDecimal(150)), default);
        await _f.MonthlyAsync("Rent", 950m, 20);
        _f.Payments.Pay(power, "2026-03-02", 20m);

        var totals = (await _f.Months.MonthAsync(Month.Of(2026, 3), default)).Totals;

        Assert.Equal((100000L, 110000L, 2000L, 98000L), (totals.ExpectedMin.MinorUnits, totals.ExpectedMax.MinorUnits, totals.Paid.MinorUnits, totals.Outstanding.MinorUnits));
    }

    [Fact]
    public async Task Payments_are_asked_for_over_the_widest_window_of_all_obligations()
    {
        _f.Packs.Add<IObligationPayments>(_f.Payments);
        await _f.MonthlyAsync("Rent", 950m, 1, start: "2025-01-01"); // March settles from January: after 1 December, until 1 April
        await _f.MonthlyAsync("Water", 40m, 20, start: "2025-06-01"); // March settles from January: after 20 December, until 20 April

        await _f.Months.MonthAsync(Month.Of(2026, 3), default);

        Assert.Equal((new DateOnly(2025, 12, 2), new DateOnly(2026, 4, 20)), Assert.Single(_f.Payments.Asked));
    }

    [Fact]
    public async Task An_obligations_first_occurrence_takes_payments_from_any_earlier_date()
    {
        _f.Packs.Add<IObligationPayments>(_f.Payments);
        await _f.MonthlyAsync("Rent", 950m, 1, start: "2025-01-01");
        await _f.MonthlyAsync("Gym", 30m, 5, start: "2026-03-01");

        await _f.Months.MonthAsync(Month.Of(2026, 3), default);

        Assert.Equal((DateOnly.MinValue, new DateOnly(2026, 4, 5)), Assert.Single(_f.Payments.Asked));
    }

    [Fact]
    public async Task Without_an_occurrence_in_the_range_no_payments_are_asked_for()
    {
        _f.Packs.Add<IObligationPayments>(_f.Payments);
        await _f.MonthlyAsync("Rent", 950m, 1, start: "2026-05-01");

        var march = await _f.Months.MonthAsync(Month.Of(2026, 3), default);

        Assert.Empty(march.Occurrences);
        Assert.Empty(_f.Payments.Asked);
    }

    [Fact]
    public async Task The_budget_is_asked_only_for_unpaid_occurrences_still_to_come_on_a_bucket()
    {
        _f.Packs.Add<IBucketBalances>(_f.Balances);
        await _f.MonthlyAsync("Rent", 950m, 1, Housing); // past its grace on 4 March
        await _f.MonthlyAsync("Gym", 30m, 20);           // to come, but on no bucket

        var march = await _f.Months.MonthAsync(Month.Of(2026, 3), default);
        await _f.Months.MonthAsync(Month.Of(2026, 2), default);

        Assert.True(march.BudgetChecked);
        Assert.Empty(_f.Balances.Asked);
    }

    [Fact]
    public async Task The_budget_is_asked_for_an_occurrence_on_the_last_day_of_its_grace_and_for_later_months()
    {
        _f.Packs.Add<IBucketBalances>(_f.Balances);
        await _f.MonthlyAsync("Water", 40m, 7, Housing); // grace until 10 March, today

        await _f.Months.MonthAsync(Month.Of(2026, 3), default);
        await _f.Months.MonthAsync(Month.Of(2026, 4), default);

        Assert.Equal([Month.Of(2026, 3), Month.Of(2026, 4)], _f.Balances.Asked);
    }

    [Fact]
    public async Task A_past_month_needs_no_budget_even_within_an_occurrences_grace()
    {
        _f.Packs.Add<IBucketBalances>(_f.Balances);
        await _f.Obligations.CreateAsync(new CreateObligation("Tax", new RecurrenceInput("monthly", Day: 28, StartDate: "2026-02-01"), Money.FromDecimal(10),
            BucketId: Housing, GraceDays: 12), default); // grace until 12 March

        var february = await _f.Months.MonthAsync(Month.Of(2026, 2), default);

        Assert.Equal([("Tax", "unpaid")], february.Uncovered.Select(u => (u.Name, u.Reason)));
        Assert.Empty(_f.Balances.Asked);
    }

    [Fact]
    public async Task A_paid_occurrence_needs_no_budget()
    {
        _f.Packs.Add<IBucketBalances>(_f.Balances);
        _f.Packs.Add<IObligationPayments>(_f.Payments);
        var water = await _f.MonthlyAsync("Water", 40m, 20, Housing);
        _f.Payments.Pay(water, "2026-03-05", 40m);

        var march = await _f.Months.MonthAsync(Month.Of(2026, 3), default);

        Assert.True(march.Covered);
        Assert.Empty(_f.Balances.Asked);
    }

    [Fact]
    public async Task Coverage_names_each_uncovered_obligation()
    {
        _f.Packs.Add<IBucketBalances>(_f.Balances);
        var water = await _f.MonthlyAsync("Water", 40m, 20, Housing);

        var coverage = await _f.Months.CoverageAsync(Month.Of(2026, 3), default);

        var item = Assert.Single(coverage.Uncovered);
        Assert.Equal((water.Id, "Water", new DateOnly(2026, 3, 20), 4000L, "underfunded"), (item.ObligationId, item.Name, item.DueDate, item.Outstanding.MinorUnits, item.Reason));
    }

    private Task<Obligation> Create(string name, string priority, int day) =>
        _f.Obligations.CreateAsync(new CreateObligation(name, new RecurrenceInput("monthly", Day: day, StartDate: "2026-03-01"), Money.FromDecimal(10), Priority: priority), default);
}
