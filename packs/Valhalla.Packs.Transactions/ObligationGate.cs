using Valhalla.Contracts.Budget;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>
/// Which transactions the seed's obligation gating applies to: an expense of priority C or D, unless
/// its bucket is essentials or it pays an obligation (it is what covers them). Income is never gated.
/// </summary>
public static class ObligationGate
{
    public static bool Applies(string txType, string priority, string? bucketType, TxLinks? links) =>
        txType == TxValues.Expense && Priority.Parse(priority).IsDiscretionary && bucketType != BucketTypes.Essentials && links?.ObligationId is null;
}
