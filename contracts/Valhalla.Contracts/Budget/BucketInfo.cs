namespace Valhalla.Contracts.Budget;

/// <summary>A bucket as other packs see it.</summary>
/// <param name="Id">The bucket id (<c>bk_</c> + 12 hex).</param>
/// <param name="Name">Display name.</param>
/// <param name="BucketType">One of <see cref="BucketTypes"/>.</param>
/// <param name="IsActive">False once archived: archived buckets take no new spending.</param>
public sealed record BucketInfo(string Id, string Name, string BucketType, bool IsActive);
