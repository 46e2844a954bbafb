using System.Text.Json.Nodes;
using Valhalla.Contracts;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Budget.Tests;

public sealed class SnapshotServiceTests : IAsyncLifetime
{
    private readonly BudgetFixture _f = new();

    public Task InitializeAsync() => _f.InitializeAsync();

    public Task DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task Remaining_is_limit_minus_spent_and_totals_add_up()
    {
        var groceries = await _f.CreateAsync("Groceries", "essentials", 900, "A");
        var fun = await _f.CreateAsync("Fun", "fun", 200, "C");
        _f.Ledger.Spend(groceries, "2026-01", 120);
        _f.Ledger.Spend(groceries, "2026-01", 30.25m);
        _f.Ledger.Spend(groceries, "2026-02", 999);

        var snapshot = await _f.SnapshotAsync("2026-01");

        var line = snapshot.Buckets.Single(b => b.BucketId == groceries.Id);
        Assert.Equal(Money.FromDecimal(150.25m), line.Spent);
        Assert.Equal(Money.FromDecimal(749.75m), line.Remaining);
        Assert.Equal(Money.FromDecimal(1100), snapshot.Totals.Limit);
        Assert.Equal(Money.FromDecimal(150.25m), snapshot.Totals.Spent);
        Assert.Equal(Money.FromDecimal(949.75m), snapshot.Totals.Remaining);
        Assert.Equal([groceries.Id, fun.Id], snapshot.Buckets.Select(b => b.BucketId));
    }

    [Fact]
    public async Task An_allocation_overrides_the_limit_for_its_month_only_and_clearing_restores_it()
    {
        var fun = await _f.CreateAsync("Entertainment", "fun", 200, "C");

        var allocation = await _f.Budget.AllocateAsync(BucketRules.Month("2026-01", "month"), fun.Id, new AllocationInput(Money.FromDecimal(150)), default);
        var january = await _f.LineAsync("2026-01", fun);
        var february = await _f.LineAsync("2026-02", fun);
        await _f.Budget.AllocateAsync(BucketRules.Month("2026-01", "month"), fun.Id, new AllocationInput(null), default);
        var cleared = await _f.LineAsync("2026-01", fun);

        Assert.Equal(Money.FromDecimal(150), allocation.Limit);
        Assert.Equal((Money?)Money.FromDecimal(150), january.Allocation);
        Assert.Equal(Money.FromDecimal(150), january.Limit);
        Assert.Null(february.Allocation);
        Assert.Equal(Money.FromDecimal(200), february.Limit);
        Assert.Null(cleared.Allocation);
        Assert.Equal(Money.FromDecimal(200), cleared.Limit);
    }

    [Fact]
    public async Task Rollover_carries_surplus_and_deficit_along_a_chain_from_the_creation_month()
    {
        var savings = await _f.CreateAsync("Holiday", "sinking", 100, rollover: true); // created 2026-01
        var plain = await _f.CreateAsync("Takeaway", "fun", 100);
        _f.Ledger.Spend(savings, "2026-01", 40);   // surplus 60
        _f.Ledger.Spend(savings, "2026-02", 250);  // 100 + 60 - 250 = -90
        _f.Ledger.Spend(savings, "2026-03", 0);    // 100 - 90 = 10
        await _f.Budget.AllocateAsync(BucketRules.Month("2026-04", "month"), savings.Id, new AllocationInput(Money.FromDecimal(50)), default);
        _f.Ledger.Spend(plain, "2026-01", 40);

        var lines = new List<BucketMonth>();
        foreach (var month in new[] { "2026-01", "2026-02", "2026-03", "2026-04" })
        {
            lines.Add(await _f.LineAsync(month, savings));
        }

        Assert.Equal([0m, 60m, -90m, 10m], lines.Select(l => l.CarriedIn.ToDecimal()));
        Assert.Equal([60m, -90m, 10m, 60m], lines.Select(l => l.Remaining.ToDecimal()));
        Assert.Equal(Money.Zero, (await _f.LineAsync("2026-02", plain)).CarriedIn);
        Assert.Equal(Money.Zero, (await _f.LineAsync("2025-12", savings)).CarriedIn);
    }

    [Fact]
    public async Task A_range_returns_one_snapshot_per_month_matching_single_month_snapshots()
    {
        var savings = await _f.CreateAsync("Holiday", "sinking", 100, rollover: true);
        _f.Ledger.Spend(savings, "2026-01", 40);
        _f.Ledger.Spend(savings, "2026-03", 300);

        var range = await _f.Budget.RangeAsync(BucketRules.Month("2026-02", "from"), BucketRules.Month("2026-04", "to"), default);

        Assert.Equal(["2026-02", "2026-03", "2026-04"], range.Months.Select(m => m.Month.ToString()));
        foreach (var snapshot in range.Months)
        {
            Assert.Equal((await _f.SnapshotAsync(snapshot.Month.ToString())).Buckets, snapshot.Buckets);
        }
    }

    [Fact]
    public async Task Archived_buckets_leave_snapshots_and_take_no_allocations()
    {
        var kept = await _f.CreateAsync("Kept");
        var archived = await _f.CreateAsync("Archived");
        await _f.Budget.UpdateAsync(archived.Id, new JsonObject { ["status"] = "archived" }, default);

        var snapshot = await _f.SnapshotAsync("2026-01");
        var problem = await Assert.ThrowsAsync<PackProblemException>(() =>
            _f.Budget.AllocateAsync(BucketRules.Month("2026-01", "month"), archived.Id, new AllocationInput(Money.FromDecimal(5)), default));

        Assert.Equal([kept.Id], snapshot.Buckets.Select(b => b.BucketId));
        Assert.Equal((409, "The bucket is archived."), (problem.Status, problem.Title));
        Assert.Contains(archived.Id, problem.Message);
        Assert.Null((await _f.LineAsync("2026-01", kept)).Allocation);
    }

    [Fact]
    public async Task Without_a_ledger_spent_is_zero()
    {
        var bucket = await _f.CreateAsync("Groceries", limit: 900);
        _f.Ledger.Spend(bucket, "2026-01", 100);
        _f.Packs.Remove<ISpendingLedger>();

        var line = await _f.LineAsync("2026-01", bucket);

        Assert.Equal(Money.Zero, line.Spent);
        Assert.Equal(Money.FromDecimal(900), line.Remaining);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("26-01")]
    public async Task Months_must_be_real(string month)
    {
        var problem = await Assert.ThrowsAsync<PackProblemException>(() => _f.SnapshotAsync(month));

        Assert.Equal("month", problem.Field);
    }

    [Fact]
    public async Task The_default_snapshot_is_the_current_month()
    {
        var snapshot = await _f.Budget.SnapshotAsync(null, default);

        Assert.Equal(Month.Of(2026, 1), snapshot.Month);
    }
}
