using Valhalla.Contracts.Values;

namespace Valhalla.Contracts.Budget;

/// <summary>
/// What the transactions pack offers the budget: money spent per bucket per month, derived from
/// the posted (not voided) expenses. When no pack exports it, spent is zero.
/// </summary>
public interface ISpendingLedger
{
    /// <summary>
    /// Spent per bucket per month for every month from <paramref name="from"/> to
    /// <paramref name="to"/> inclusive; bucket-months with no spending are omitted.
    /// </summary>
    Task<IReadOnlyList<BucketSpend>> GetSpentAsync(Month from, Month to, CancellationToken cancellationToken = default);
}
