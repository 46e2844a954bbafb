using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Obligations;
using Valhalla.Contracts.Services;

namespace Valhalla.Packs.Obligations;

/// <summary>
/// What a month's coverage was computed from, as change stamps read before computing it: the
/// obligations, the ledger's payments (null without the ledger) and the budget (null without it).
/// Spending stamps of the buckets whose remaining money was read are kept beside, in the cache entry.
/// </summary>
public sealed record CoverageStamps(ChangeStamp Obligations, ChangeStamp? Payments, ChangeStamp? Budget)
{
    /// <summary>
    /// The stamps now; null when a loaded source offers none (a pack built against contracts 1.3), so
    /// that coverage is computed every time, as before stamps existed.
    /// </summary>
    public static CoverageStamps? Read(ChangeStamp obligations, IObligationPayments? ledger, IBucketBalances? balances) =>
        ledger is not (null or ILedgerChangeStamps) || balances is not (null or IBudgetChangeStamps)
            ? null
            : new CoverageStamps(obligations, (ledger as ILedgerChangeStamps)?.Payments, (balances as IBudgetChangeStamps)?.Budget);
}
