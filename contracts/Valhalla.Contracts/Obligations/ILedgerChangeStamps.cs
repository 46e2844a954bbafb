using Valhalla.Contracts.Services;

namespace Valhalla.Contracts.Obligations;

/// <summary>
/// Optional companion of <see cref="IObligationPayments"/>, implemented by the same exported object,
/// for callers that cache what they derive from the ledger. Added in contracts 1.4: when the export does
/// not implement it (a ledger built against 1.3), callers must read the ledger every time.
/// </summary>
public interface ILedgerChangeStamps
{
    /// <summary>Moves on after each change to the expenses that name an obligation (posted or voided).</summary>
    ChangeStamp Payments { get; }

    /// <summary>
    /// Moves on after each change to the transactions of <paramref name="bucketId"/> (posted, voided or
    /// imported, in any month), so to the bucket's spent and, through the budget, its remaining money.
    /// </summary>
    ChangeStamp Spending(string bucketId);
}
