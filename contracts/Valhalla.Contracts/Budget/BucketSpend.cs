using Valhalla.Contracts.Values;

namespace Valhalla.Contracts.Budget;

/// <summary>The total of posted expenses of one bucket in one month.</summary>
public sealed record BucketSpend(string BucketId, Month Month, Money Spent);
