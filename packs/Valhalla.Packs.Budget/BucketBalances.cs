using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Budget;

/// <summary>What the budget exports to the obligations pack: each active bucket's remaining money in a month, and when the budget changed.</summary>
public sealed class BucketBalances(BudgetService budget, ChangeCounter changes) : IBucketBalances, IBudgetChangeStamps
{
    public ChangeStamp Budget => changes.Current;

    public Task<IReadOnlyList<BucketBalance>> GetRemainingAsync(Month month, CancellationToken cancellationToken = default) =>
        budget.RemainingAsync(month, cancellationToken);
}
