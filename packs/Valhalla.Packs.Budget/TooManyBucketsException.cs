namespace Valhalla.Packs.Budget;

/// <summary>The write would make more than <see cref="BucketRules.MaxActiveBuckets"/> buckets active.</summary>
public sealed class TooManyBucketsException() : Exception($"At most {BucketRules.MaxActiveBuckets} buckets may be active.");
