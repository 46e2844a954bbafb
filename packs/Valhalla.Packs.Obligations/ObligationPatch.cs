using System.Text.Json;
using System.Text.Json.Nodes;
using Valhalla.Contracts;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Obligations;

/// <summary>
/// A partial update read from a JSON object, so that an absent field (unchanged) differs from
/// <c>"notes": null</c> (cleared). A recurrence is replaced whole; <c>amount</c> sets a fixed
/// amount, <c>amount_min</c>/<c>amount_max</c> change the range. Unknown and read-only fields are refused.
/// </summary>
public sealed class ObligationPatch
{
    private static readonly HashSet<string> ReadOnly = ["id", "created_at", "updated_at"];
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    private readonly List<Func<Obligation, Obligation>> _changes = [];

    private ObligationPatch()
    {
    }

    /// <summary>The fields present, in wire names, for the audit trail.</summary>
    public IReadOnlyList<string> Fields { get; private set; } = [];

    /// <summary>The bucket the patch moves the obligation to, when it names one, to check against the budget.</summary>
    public string? NewBucketId { get; private set; }

    public static ObligationPatch Parse(JsonObject body)
    {
        var patch = new ObligationPatch();
        foreach (var (field, value) in body)
        {
            Func<Obligation, Obligation> change = field switch
            {
                "name" => Set(ObligationRules.Name(Text(field, value)), (o, v) => o with { Name = v }),
                "amount" => Set(ObligationRules.Positive(Amount(field, value), field), (o, v) => o with { AmountMin = v, AmountMax = v }),
                "amount_min" => Set(ObligationRules.Positive(Amount(field, value), field), (o, v) => o with { AmountMin = v }),
                "amount_max" => Set(ObligationRules.Positive(Amount(field, value), field), (o, v) => o with { AmountMax = v }),
                "bucket_id" => Set(patch.NewBucketId = ObligationRules.BucketId(value is null ? null : Text(field, value)), (o, v) => o with { BucketId = v }),
                "recurrence" => Set(RecurrenceRules.Parse(Recurrence(value)), (o, v) => o with { Recurrence = v }),
                "grace_days" => Set(ObligationRules.GraceDays(Number(field, value)), (o, v) => o with { GraceDays = v }),
                "priority" => Set(Priority.Parse(Text(field, value)).Code, (o, v) => o with { Priority = v }),
                "notes" => Set(ObligationRules.Notes(value is null ? null : Text(field, value)), (o, v) => o with { Notes = v }),
                "status" => Set(ObligationRules.Status(Text(field, value)), (o, v) => o with { Status = v }),
                _ when ReadOnly.Contains(field) => throw PackProblemException.BadField(field, "cannot be changed."),
                _ => throw PackProblemException.BadField(field, "is not a field of an obligation."),
            };
            patch._changes.Add(change);
        }

        if (body.ContainsKey("amount") && (body.ContainsKey("amount_min") || body.ContainsKey("amount_max")))
        {
            throw PackProblemException.BadField("amount", "give either amount, or amount_min and amount_max, not both.");
        }

        patch.Fields = [.. body.Select(p => p.Key)];
        return patch;
    }

    public Obligation ApplyTo(Obligation obligation, DateTimeOffset now)
    {
        var updated = _changes.Aggregate(obligation, (current, change) => change(current)) with { UpdatedAt = now };
        return updated.AmountMax < updated.AmountMin
            ? throw PackProblemException.BadField("amount_max", $"must not be less than amount_min ({updated.AmountMin}).")
            : updated;
    }

    private static Func<Obligation, Obligation> Set<T>(T value, Func<Obligation, T, Obligation> apply) => o => apply(o, value);

    private static string Text(string field, JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) ? text : throw PackProblemException.BadField(field, "must be a string.");

    private static int Number(string field, JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<int>(out var number) ? number : throw PackProblemException.BadField(field, "must be a whole number.");

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

    private static RecurrenceInput? Recurrence(JsonNode? value)
    {
        try
        {
            return value is JsonObject ? value.Deserialize<RecurrenceInput>(Json) : throw new JsonException("must be an object.");
        }
        catch (JsonException ex)
        {
            throw PackProblemException.BadField("recurrence", ex.Message);
        }
    }
}
