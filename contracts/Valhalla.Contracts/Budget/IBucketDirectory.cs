namespace Valhalla.Contracts.Budget;

/// <summary>
/// What the budget pack offers other packs about its buckets. When no pack exports it, callers
/// do not check bucket ids.
/// </summary>
public interface IBucketDirectory
{
    /// <summary>The bucket with this id, or null when there is none.</summary>
    Task<BucketInfo?> FindAsync(string bucketId, CancellationToken cancellationToken = default);
}
