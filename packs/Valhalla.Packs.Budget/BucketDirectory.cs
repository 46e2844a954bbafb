using Valhalla.Contracts.Budget;

namespace Valhalla.Packs.Budget;

/// <summary>What the budget exports to other packs: does a bucket exist, its type and whether it is active.</summary>
public sealed class BucketDirectory(BudgetStore store) : IBucketDirectory
{
    public async Task<BucketInfo?> FindAsync(string bucketId, CancellationToken cancellationToken = default) =>
        await store.FindAsync(bucketId, cancellationToken) is { } bucket
            ? new BucketInfo(bucket.Id, bucket.Name, bucket.BucketType, bucket.Status == BucketValues.Active)
            : null;
}
