using Valhalla.Contracts.Values;

namespace Valhalla.Contracts.Budget;

/// <summary>
/// What the budget pack offers other packs about money left: each active bucket's remaining for a
/// month (limit + carried in − spent), as its month snapshot shows it. When no pack exports it,
/// callers cannot tell whether a bucket can pay for what is still to come; the obligations pack
/// then counts occurrences still to come as covered.
/// </summary>
public interface IBucketBalances
{
    /// <summary>The remaining money of every active bucket in <paramref name="month"/>.</summary>
    Task<IReadOnlyList<BucketBalance>> GetRemainingAsync(Month month, CancellationToken cancellationToken = default);
}
