using Valhalla.Contracts.Budget;

namespace Valhalla.Packs.Budget;

/// <summary>What the budget exports to other packs: does a bucket exist, its type and whether it is active.</summary>
public sealed class BucketDirectory(BudgetStore store) : IBucketDirectory
{
    public async Task<BucketInfo?> FindAsync(string bucketId, CancellationToken cancellationToken = default) =>
        await store.FindAsync(bucketId, cancellationToken) is { } bucket
            ? new BucketInfo(bucket.Id, bucket.Name, bucket.BucketType, bucket.Status == BucketValues.Active)
            : null;

    public async Task<IReadOnlyList<BucketInfo>> ListActiveAsync(CancellationToken cancellationToken = default) =>
        [.. (await store.ListAsync(BucketValues.Active, null, cancellationToken))
            .OrderBy(b => b.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(b => new BucketInfo(b.Id, b.Name, b.BucketType, IsActive: true))];
}
