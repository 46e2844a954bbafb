using System.Text.Json;
using System.Text.Json.Nodes;
using Valhalla.Contracts;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Budget;

/// <summary>
/// A partial update read from a JSON object, so that an absent field (unchanged) differs from
/// <c>"notes": null</c> (cleared). Unknown fields are refused, as everywhere on the wire;
/// <c>id</c> and the timestamps are refused because they cannot change.
/// </summary>
public sealed class BucketPatch
{
    private static readonly HashSet<string> ReadOnly = ["id", "created_at", "updated_at"];

    private readonly List<Func<Bucket, Bucket>> _changes = [];

    private BucketPatch()
    {
    }

    /// <summary>The fields present, in wire names, for the audit trail.</summary>
    public IReadOnlyList<string> Fields { get; private set; } = [];

    public static BucketPatch Parse(JsonObject body)
    {
        var patch = new BucketPatch();
        foreach (var (field, value) in body)
        {
            Func<Bucket, Bucket> change = field switch
            {
                "name" => Set(BucketRules.Name(Text(field, value)), (b, v) => b with { Name = v }),
                "bucket_type" => Set(BucketRules.BucketType(Text(field, value)), (b, v) => b with { BucketType = v }),
                "monthly_limit" => Set(BucketRules.MonthlyLimit(Amount(field, value)), (b, v) => b with { MonthlyLimit = v }),
                "priority" => Set(Priority.Parse(Text(field, value)).Code, (b, v) => b with { Priority = v }),
                "rollover" => Set(Flag(field, value), (b, v) => b with { Rollover = v }),
                "notes" => Set(BucketRules.Notes(value is null ? null : Text(field, value)), (b, v) => b with { Notes = v }),
                "status" => Set(BucketRules.Status(Text(field, value)), (b, v) => b with { Status = v }),
                _ when ReadOnly.Contains(field) => throw PackProblemException.BadField(field, "cannot be changed."),
                _ => throw PackProblemException.BadField(field, "is not a field of a bucket."),
            };
            patch._changes.Add(change);
        }

        patch.Fields = [.. body.Select(p => p.Key)];
        return patch;
    }

    public Bucket ApplyTo(Bucket bucket, DateTimeOffset now) =>
        _changes.Aggregate(bucket, (current, change) => change(current)) with { UpdatedAt = now };

    private static Func<Bucket, Bucket> Set<T>(T value, Func<Bucket, T, Bucket> apply) => bucket => apply(bucket, value);

    private static string Text(string field, JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) ? text : throw PackProblemException.BadField(field, "must be a string.");

    private static bool Flag(string field, JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<bool>(out var flag) ? flag : throw PackProblemException.BadField(field, "must be true or false.");

    private static Money Amount(string field, JsonNode? value)
    {
        try
        {
            return value is JsonValue ? value.Deserialize<Money>() : throw new JsonException("must be a number, e.g. 120.50.");
        }
        catch (JsonException ex)
        {
            throw PackProblemException.BadField(field, ex.Message);
        }
    }
}
