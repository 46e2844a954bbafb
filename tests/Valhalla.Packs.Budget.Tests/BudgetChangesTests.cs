using System.Text.Json.Nodes;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Budget.Tests;

/// <summary>The budget's change stamp, which the obligations pack's coverage cache relies on, moves on with every budget write.</summary>
public sealed class BudgetChangesTests : IAsyncLifetime
{
    private readonly BudgetFixture _f = new();

    public Task InitializeAsync() => _f.InitializeAsync();

    public Task DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task Creating_changing_and_allocating_to_a_bucket_each_move_the_stamp()
    {
        var stamps = new List<ChangeStamp> { _f.Balances.Budget };

        var bills = await _f.CreateAsync("Bills");
        stamps.Add(_f.Balances.Budget);
        await _f.Budget.UpdateAsync(bills.Id, new JsonObject { ["monthly_limit"] = 250 }, default);
        stamps.Add(_f.Balances.Budget);
        await _f.Budget.AllocateAsync(Month.Of(2026, 1), bills.Id, new AllocationInput(Money.FromDecimal(300)), default);
        stamps.Add(_f.Balances.Budget);
        await _f.Budget.AllocateAsync(Month.Of(2026, 1), bills.Id, new AllocationInput(null), default);
        stamps.Add(_f.Balances.Budget);

        Assert.Equal(stamps.Count, stamps.Distinct().Count());
    }

    [Fact]
    public async Task Reading_does_not_move_the_stamp()
    {
        await _f.CreateAsync("Bills");
        var before = _f.Balances.Budget;

        await _f.Balances.GetRemainingAsync(Month.Of(2026, 1));

        Assert.Equal(before, _f.Balances.Budget);
    }
}
