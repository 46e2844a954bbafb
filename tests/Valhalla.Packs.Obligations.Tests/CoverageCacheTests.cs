using System.Text.Json.Nodes;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Obligations;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Obligations.Tests;

/// <summary>
/// Coverage is cached while the change stamps of what it was computed from stay the same, and every
/// change to those inputs changes the answer at once. Today is 2026-03-10.
/// </summary>
public sealed class CoverageCacheTests : IAsyncLifetime
{
    private const string Housing = "bk_aaaaaaaaaaaa";
    private const string Fun = "bk_ffffffffffff";
    private static readonly Month March = Month.Of(2026, 3);
    private readonly ObligationsFixture _f = new();
    private readonly StampedLedger _ledger = new();
    private readonly StampedBudget _budget = new();

    public async Task InitializeAsync()
    {
        await _f.InitializeAsync();
        _f.Packs.Add<IObligationPayments>(_ledger);
        _f.Packs.Add<IBucketBalances>(_budget);
    }

    public Task DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task A_second_check_with_nothing_changed_reads_neither_the_ledger_nor_the_budget()
    {
        await _f.MonthlyAsync("Water", 40m, 20, Housing);
        _budget.Allocate(Housing, 100m);

        Assert.True(await CoveredAsync());
        Assert.True(await CoveredAsync());

        Assert.Equal((1, 1), (_ledger.Reads, _budget.Reads));
    }

    [Fact]
    public async Task Creating_an_obligation_uncovers_the_month_at_once()
    {
        Assert.True(await CoveredAsync());

        await _f.MonthlyAsync("Rent", 950m, 1, Housing);

        Assert.False(await CoveredAsync());
    }

    [Fact]
    public async Task Changing_or_archiving_an_obligation_changes_the_answer_at_once()
    {
        var rent = await _f.MonthlyAsync("Rent", 950m, 1, Housing);
        _ledger.Pay(rent, "2026-03-01", 500m);
        Assert.False(await CoveredAsync());

        await _f.Obligations.UpdateAsync(rent.Id, new JsonObject { ["amount"] = 500 }, default);
        Assert.True(await CoveredAsync());

        await _f.Obligations.UpdateAsync(rent.Id, new JsonObject { ["amount"] = 600 }, default);
        Assert.False(await CoveredAsync());

        await _f.Obligations.UpdateAsync(rent.Id, new JsonObject { ["status"] = "archived" }, default);
        Assert.True(await CoveredAsync());
    }

    [Fact]
    public async Task Posting_then_voiding_a_payment_covers_then_uncovers_at_once()
    {
        var rent = await _f.MonthlyAsync("Rent", 950m, 1, Housing);
        Assert.False(await CoveredAsync());

        var payment = _ledger.Pay(rent, "2026-03-01", 950m);
        Assert.True(await CoveredAsync());

        _ledger.Void(payment, Housing);
        Assert.False(await CoveredAsync());
    }

    [Fact]
    public async Task An_allocation_or_limit_change_in_the_budget_changes_the_answer_at_once()
    {
        await _f.MonthlyAsync("Water", 40m, 20, Housing);
        _budget.Allocate(Housing, 30m);
        Assert.False(await CoveredAsync());

        _budget.Allocate(Housing, 40m);

        Assert.True(await CoveredAsync());
    }

    [Fact]
    public async Task Spending_in_a_drawn_on_bucket_changes_the_answer_and_spending_elsewhere_keeps_the_cache()
    {
        await _f.MonthlyAsync("Water", 40m, 20, Housing);
        _budget.Allocate(Housing, 50m);
        Assert.True(await CoveredAsync());

        _ledger.Spend(Fun);
        Assert.True(await CoveredAsync());
        Assert.Equal(1, _budget.Reads);

        _budget.Remaining[Housing] = Money.FromDecimal(20);
        _ledger.Spend(Housing);
        Assert.False(await CoveredAsync());
    }

    [Fact]
    public async Task Spending_in_any_one_of_several_drawn_on_buckets_changes_the_answer()
    {
        const string Utilities = "bk_cccccccccccc";
        await _f.MonthlyAsync("Water", 40m, 20, Housing);
        await _f.MonthlyAsync("Power", 60m, 25, Utilities);
        _budget.Allocate(Housing, 50m);
        _budget.Allocate(Utilities, 70m);
        Assert.True(await CoveredAsync());

        _budget.Remaining[Utilities] = Money.FromDecimal(10);
        _ledger.Spend(Utilities);

        Assert.False(await CoveredAsync());
    }

    [Fact]
    public async Task The_day_changing_changes_the_answer()
    {
        await _f.MonthlyAsync("Phone", 30m, 12);
        Assert.True(await CoveredAsync());

        _f.Time.Now = new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.Zero);

        Assert.False(await CoveredAsync());
    }

    [Fact]
    public async Task A_replaced_ledger_is_read_afresh()
    {
        var rent = await _f.MonthlyAsync("Rent", 950m, 1, Housing);
        Assert.False(await CoveredAsync());

        // The new instance has the payment in its database and a fresh epoch, but has counted no change itself.
        var replaced = new StampedLedger();
        replaced.Payments.Add(new ObligationPayment(rent.Id, PrefixedId.New("tx"), new DateOnly(2026, 3, 1), Money.FromDecimal(950)));
        _f.Packs.Add<IObligationPayments>(replaced);

        Assert.True(await CoveredAsync());
    }

    [Fact]
    public async Task A_source_without_stamps_is_read_on_every_check()
    {
        _f.Packs.Add<IObligationPayments>(_f.Payments);
        await _f.MonthlyAsync("Rent", 950m, 1, Housing);

        await CoveredAsync();
        await CoveredAsync();

        Assert.Equal(2, _f.Payments.Asked.Count);
    }

    [Fact]
    public async Task A_source_loaded_or_removed_changes_the_answer_at_once()
    {
        await _f.MonthlyAsync("Water", 40m, 20, Housing);
        Assert.False(await CoveredAsync());

        _f.Packs.Remove<IBucketBalances>();

        Assert.True(await CoveredAsync());
    }

    private async Task<bool> CoveredAsync() => (await _f.Months.CoverageAsync(March, default)).Covered;
}
