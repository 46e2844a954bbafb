using System.Text.Json.Nodes;
using Valhalla.Contracts;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Obligations;

/// <summary>Creating, listing, changing and archiving obligations. No HTTP, no SQL.</summary>
public sealed class ObligationService(ObligationStore store, IPackServices packs, MoneyEvents events, TimeProvider time)
{
    public async Task<Obligation> CreateAsync(CreateObligation input, CancellationToken ct)
    {
        var now = Timestamps.Now(time);
        var (min, max) = ObligationRules.Amounts(input.Amount, input.AmountMin, input.AmountMax);
        var obligation = new Obligation
        {
            Id = PrefixedId.New("ob"),
            Name = ObligationRules.Name(input.Name),
            AmountMin = min,
            AmountMax = max,
            BucketId = ObligationRules.BucketId(input.BucketId),
            Recurrence = RecurrenceRules.Parse(input.Recurrence),
            GraceDays = ObligationRules.GraceDays(input.GraceDays),
            Priority = Priority.Parse(input.Priority ?? "A").Code,
            Notes = ObligationRules.Notes(input.Notes),
            Status = ObligationValues.Active,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await CheckBucketAsync(obligation.BucketId, ct);
        await store.InsertAsync(obligation, events.Create("obligation.created", obligation.Id, obligation.AmountMin, obligation.Name), ct);
        return obligation;
    }

    public Task<IReadOnlyList<Obligation>> ListAsync(ObligationFilter filter, CancellationToken ct) =>
        store.ListAsync(filter.Status, filter.BucketId, ct);

    public async Task<Obligation> GetAsync(string id, CancellationToken ct) =>
        await store.FindAsync(id, ct) ?? throw PackProblemException.NotFound("obligation", id);

    public async Task<Obligation> UpdateAsync(string id, JsonObject body, CancellationToken ct)
    {
        var patch = ObligationPatch.Parse(body);
        await CheckBucketAsync(patch.NewBucketId, ct);
        return await store.UpdateAsync(id, o => patch.ApplyTo(o, Timestamps.Now(time)), (before, after) => Describe(before, after, patch), ct)
            ?? throw PackProblemException.NotFound("obligation", id);
    }

    private MoneyEvent Describe(Obligation before, Obligation after, ObligationPatch patch) =>
        before.Status == ObligationValues.Active && after.Status == ObligationValues.Archived
            ? events.Create("obligation.archived", after.Id, after.AmountMin, after.Name)
            : events.Create("obligation.updated", after.Id, after.AmountMin, string.Join(",", patch.Fields));

    /// <summary>With the budget pack loaded, the bucket must exist and be active; without it, only its form is checked.</summary>
    private async Task CheckBucketAsync(string? bucketId, CancellationToken ct)
    {
        if (bucketId is null || packs.Find<IBucketDirectory>() is not { } buckets)
        {
            return;
        }

        var bucket = await buckets.FindAsync(bucketId, ct) ?? throw PackProblemException.BadField("bucket_id", $"no bucket has id '{bucketId}'.");
        if (!bucket.IsActive)
        {
            throw PackProblemException.BadField("bucket_id", $"bucket '{bucket.Name}' is archived; choose an active bucket.");
        }
    }
}
