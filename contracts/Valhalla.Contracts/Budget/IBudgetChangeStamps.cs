using Valhalla.Contracts.Services;

namespace Valhalla.Contracts.Budget;

/// <summary>
/// Optional companion of <see cref="IBucketBalances"/>, implemented by the same exported object, for
/// callers that cache what they derive from the budget. Added in contracts 1.4: when the export does not
/// implement it (a budget built against 1.3), callers must read the budget every time. Spending comes
/// from the ledger, whose changes <see cref="Obligations.ILedgerChangeStamps.Spending"/> stamps.
/// </summary>
public interface IBudgetChangeStamps
{
    /// <summary>Moves on after each change to the budget's own data: a bucket created or changed, an allocation set or cleared.</summary>
    ChangeStamp Budget { get; }
}
