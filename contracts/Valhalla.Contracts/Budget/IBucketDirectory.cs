namespace Valhalla.Contracts.Budget;

/// <summary>
/// What the budget pack offers other packs about its buckets. When no pack exports it, callers
/// do not check bucket ids.
/// </summary>
public interface IBucketDirectory
{
    /// <summary>The bucket with this id, or null when there is none.</summary>
    Task<BucketInfo?> FindAsync(string bucketId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The active buckets, by name: what a form offers to post to (since contracts 1.3). A directory
    /// built against older contracts lists none.
    /// </summary>
    Task<IReadOnlyList<BucketInfo>> ListActiveAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<BucketInfo>>([]);
}
