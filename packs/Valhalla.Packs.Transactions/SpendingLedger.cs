using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Transactions;

/// <summary>What the ledger exports to the budget: spent per bucket per month, derived from posted expenses.</summary>
public sealed class SpendingLedger(TransactionStore store) : ISpendingLedger
{
    public Task<IReadOnlyList<BucketSpend>> GetSpentAsync(Month from, Month to, CancellationToken cancellationToken = default) =>
        store.SpentAsync(from, to, cancellationToken);
}
