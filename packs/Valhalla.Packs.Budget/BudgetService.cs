using System.Text.Json.Nodes;
using Valhalla.Contracts;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Budget;

/// <summary>The budget's rules: buckets, allocations and month snapshots. No HTTP, no SQL.</summary>
public sealed class BudgetService(BudgetStore store, IPackServices packs, MoneyEvents events, TimeProvider time)
{
    /// <summary>The widest range of snapshots one request may ask for.</summary>
    public const int MaxRangeMonths = 120;

    public async Task<Bucket> CreateAsync(CreateBucket input, CancellationToken ct)
    {
        var now = Timestamps.Now(time);
        var bucket = new Bucket
        {
            Id = PrefixedId.New("bk"),
            Name = BucketRules.Name(input.Name),
            BucketType = BucketRules.BucketType(input.BucketType),
            MonthlyLimit = BucketRules.MonthlyLimit(input.MonthlyLimit ?? Money.Zero),
            Priority = Priority.Parse(input.Priority ?? "B").Code,
            Rollover = input.Rollover,
            Notes = BucketRules.Notes(input.Notes),
            Status = BucketValues.Active,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!await store.TryInsertAsync(bucket, events.Create("bucket.created", bucket.Id, bucket.MonthlyLimit, bucket.Name), ct))
        {
            throw BucketRules.NameTaken(bucket.Name);
        }

        return bucket;
    }

    public Task<IReadOnlyList<Bucket>> ListAsync(BucketFilter filter, CancellationToken ct) =>
        store.ListAsync(filter.Status, filter.BucketType, ct);

    public async Task<Bucket> GetAsync(string id, CancellationToken ct) =>
        await store.FindAsync(id, ct) ?? throw PackProblemException.NotFound("bucket", id);

    public async Task<Bucket> UpdateAsync(string id, JsonObject body, CancellationToken ct)
    {
        var patch = BucketPatch.Parse(body);
        return await store.UpdateAsync(id, bucket => patch.ApplyTo(bucket, Timestamps.Now(time)), (before, after) => Describe(before, after, patch), ct)
            ?? throw PackProblemException.NotFound("bucket", id);
    }

    public async Task<Allocation> AllocateAsync(Month month, string bucketId, AllocationInput input, CancellationToken ct)
    {
        Money? amount = input.Amount is { } value ? BucketRules.Allocation(value) : null;
        var allocated = events.Create(amount is null ? "allocation.cleared" : "allocation.set", bucketId, amount, month.ToString());
        var bucket = await store.SetAllocationAsync(bucketId, month, amount, Timestamps.Now(time), allocated, ct) ?? throw PackProblemException.NotFound("bucket", bucketId);
        if (bucket.Status != BucketValues.Active)
        {
            throw PackProblemException.Conflict("The bucket is archived.", $"Bucket '{bucketId}' is archived; set its status to active before allocating to it.");
        }

        return new Allocation(bucketId, month, amount, amount ?? bucket.MonthlyLimit);
    }

    /// <summary>The snapshot of <paramref name="month"/>, by default the current month.</summary>
    public async Task<MonthSnapshot> SnapshotAsync(Month? month, CancellationToken ct)
    {
        var shown = month ?? Month.Current(time);
        return (await ComputeAsync(shown, shown, ct))[0];
    }

    /// <summary>Each active bucket's remaining money in <paramref name="month"/>, as the month's snapshot shows it.</summary>
    public async Task<IReadOnlyList<BucketBalance>> RemainingAsync(Month month, CancellationToken ct) =>
        [.. (await ComputeAsync(month, month, ct))[0].Buckets.Select(b => new BucketBalance(b.BucketId, b.Remaining))];

    public async Task<MonthRange> RangeAsync(Month from, Month to, CancellationToken ct)
    {
        if (to < from)
        {
            throw PackProblemException.BadField("to", $"must not be before from ({from}).");
        }

        if (to.MonthsSince(from) >= MaxRangeMonths)
        {
            throw PackProblemException.BadField("to", $"a range may span at most {MaxRangeMonths} months.");
        }

        return new MonthRange(from, to, await ComputeAsync(from, to, ct));
    }

    /// <summary>
    /// One query per store whatever the number of buckets or months: the active buckets, the
    /// allocations of the whole range, and one grouped spent query from the ledger, if loaded.
    /// </summary>
    private async Task<IReadOnlyList<MonthSnapshot>> ComputeAsync(Month from, Month to, CancellationToken ct)
    {
        var buckets = await store.ActiveForSnapshotAsync(ct);
        var start = SnapshotCalculator.ChainStart(buckets, from);
        var allocations = await store.AllocationsAsync(start, to, ct);
        IReadOnlyList<BucketSpend> spent = packs.Find<ISpendingLedger>() is { } ledger ? await ledger.GetSpentAsync(start, to, ct) : [];
        return SnapshotCalculator.Compute(buckets, allocations, spent, start, from, to);
    }

    private MoneyEvent Describe(Bucket before, Bucket after, BucketPatch patch) =>
        before.Status == BucketValues.Active && after.Status == BucketValues.Archived
            ? events.Create("bucket.archived", after.Id, after.MonthlyLimit, after.Name)
            : events.Create("bucket.updated", after.Id, after.MonthlyLimit, string.Join(",", patch.Fields));
}
