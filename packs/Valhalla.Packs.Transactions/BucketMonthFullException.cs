using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Transactions;

/// <summary>The expense would take its bucket's posted spending in its month past <see cref="Money.MaxAmount"/>.</summary>
public sealed class BucketMonthFullException(Money spent) : Exception($"The bucket's month already holds {spent} of expenses.")
{
    /// <summary>What the bucket's month held before this expense.</summary>
    public Money Spent { get; } = spent;
}
