using Microsoft.AspNetCore.Mvc;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Budget;

/// <summary>A bucket, on the wire and in the store.</summary>
public sealed record Bucket
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string BucketType { get; init; }

    public required Money MonthlyLimit { get; init; }

    public required string Priority { get; init; }

    public required bool Rollover { get; init; }

    public string? Notes { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary><c>POST /core/budget/buckets</c>. Unknown fields are refused by the host's JSON rules.</summary>
public sealed record CreateBucket(string Name, string BucketType, Money? MonthlyLimit = null, string? Priority = null, bool Rollover = false, string? Notes = null);

/// <summary><c>POST /core/budget/months/{month}/allocate/{bucket_id}</c>: an amount sets, null clears.</summary>
public sealed record AllocationInput(Money? Amount);

/// <summary>The query string of <c>GET /core/budget/buckets</c> as sent, bound with <c>[AsParameters]</c>; the Api parses it into a <see cref="BucketFilter"/>.</summary>
public sealed record BucketQuery
{
    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "bucket_type")]
    public string? BucketType { get; init; }
}

/// <summary>A parsed <see cref="BucketQuery"/>: what the service and store filter by; null matches everything.</summary>
public sealed record BucketFilter(string? Status = null, string? BucketType = null);

/// <summary>A month's allocation for one bucket, as answered by the allocate route.</summary>
public sealed record Allocation(string BucketId, Month Month, Money? Amount, Money Limit);

/// <summary>A stored allocation.</summary>
public sealed record AllocationRow
{
    public required string BucketId { get; init; }

    public required Month Month { get; init; }

    public required Money Amount { get; init; }
}

/// <summary>
/// What a month snapshot needs of an active bucket: no notes, no timestamps to parse, only the month
/// it was created in (where a rollover chain starts).
/// </summary>
public sealed record SnapshotBucket
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string BucketType { get; init; }

    public required string Priority { get; init; }

    public required bool Rollover { get; init; }

    public required Money MonthlyLimit { get; init; }

    public required Month CreatedIn { get; init; }
}

/// <summary>One bucket's line in a month snapshot.</summary>
public sealed record BucketMonth(
    string BucketId, string Name, string BucketType, string Priority, bool Rollover,
    Money MonthlyLimit, Money? Allocation, Money CarriedIn, Money Limit, Money Spent, Money Remaining);

/// <summary>Sums over a month's buckets.</summary>
public sealed record MonthTotals(Money Limit, Money CarriedIn, Money Spent, Money Remaining);

/// <summary>A month snapshot, computed on demand from buckets, allocations and the ledger.</summary>
public sealed record MonthSnapshot(Month Month, IReadOnlyList<BucketMonth> Buckets, MonthTotals Totals);

/// <summary>Snapshots for a range of months, for charts.</summary>
public sealed record MonthRange(Month From, Month To, IReadOnlyList<MonthSnapshot> Months);

/// <summary>The wire values of bucket fields.</summary>
public static class BucketValues
{
    public const string Active = "active";
    public const string Archived = "archived";

    public static readonly IReadOnlyList<string> Statuses = [Active, Archived];
}
