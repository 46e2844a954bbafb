using Valhalla.Contracts.Values;

namespace Valhalla.Contracts.Budget;

/// <summary>One bucket's money left in a month; negative when overspent.</summary>
public sealed record BucketBalance(string BucketId, Money Remaining);
