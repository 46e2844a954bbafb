using Valhalla.Contracts.Services;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>
/// The ledger's change stamps (<see cref="Valhalla.Contracts.Obligations.ILedgerChangeStamps"/>): the
/// stores touch them after each write, per bucket and for obligation payments, so that a cache of the
/// obligations' coverage survives spending that cannot change it.
/// </summary>
public sealed class LedgerChanges
{
    private const string PaymentsScope = "payments";
    private readonly ChangeCounter _counter = new();

    public ChangeStamp Payments => _counter.Of(PaymentsScope);

    public ChangeStamp Spending(string bucketId) => _counter.Of("bucket:" + bucketId);

    /// <summary>After a write of <paramref name="transaction"/> (posted or voided); null when it is not known which.</summary>
    public void Touched(Transaction? transaction)
    {
        if (transaction is null)
        {
            _counter.Touch();
            return;
        }

        if (transaction.BucketId is { } bucketId)
        {
            _counter.Touch("bucket:" + bucketId);
        }

        if (transaction.Links?.ObligationId is not null)
        {
            _counter.Touch(PaymentsScope);
        }
    }

    /// <summary>After a write that may have changed any bucket (an import).</summary>
    public void TouchedAll() => _counter.Touch();
}
