using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Budget;

/// <summary>What the budget exports to the obligations pack: each active bucket's remaining money in a month.</summary>
public sealed class BucketBalances(BudgetService budget) : IBucketBalances
{
    public Task<IReadOnlyList<BucketBalance>> GetRemainingAsync(Month month, CancellationToken cancellationToken = default) =>
        budget.RemainingAsync(month, cancellationToken);
}
