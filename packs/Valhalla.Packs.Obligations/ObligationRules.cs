using Valhalla.Contracts;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Obligations;

/// <summary>The field rules of an obligation; each failure names the wire field.</summary>
public static class ObligationRules
{
    public const int MaxNameLength = 100;
    public const int MaxNotesLength = 2000;
    public const int MaxGraceDays = 60;

    public static string Name(string? name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) ? throw PackProblemException.BadField("name", "must not be empty.")
            : trimmed.Length > MaxNameLength ? throw PackProblemException.BadField("name", $"must be at most {MaxNameLength} characters.")
            : trimmed;
    }

    /// <summary>A fixed <paramref name="amount"/>, or a range from <paramref name="min"/> to <paramref name="max"/>: exactly one of the two.</summary>
    public static (Money Min, Money Max) Amounts(Money? amount, Money? min, Money? max)
    {
        if (amount is { } fixedAmount)
        {
            if (min is not null || max is not null)
            {
                throw PackProblemException.BadField("amount", "give either amount, or amount_min and amount_max, not both.");
            }

            return (Positive(fixedAmount, "amount"), fixedAmount);
        }

        if (min is null || max is null)
        {
            throw PackProblemException.BadField(min is null ? "amount_min" : "amount_max", "is required: give amount, or amount_min and amount_max.");
        }

        return max.Value < Positive(min.Value, "amount_min")
            ? throw PackProblemException.BadField("amount_max", $"must not be less than amount_min ({min.Value}).")
            : (min.Value, max.Value);
    }

    public static Money Positive(Money amount, string field) =>
        amount.MinorUnits > 0 ? amount : throw PackProblemException.BadField(field, "must be greater than 0.");

    public static string? BucketId(string? bucketId) =>
        bucketId is null || PrefixedId.IsValid(bucketId, "bk") ? bucketId
            : throw PackProblemException.BadField("bucket_id", $"'{bucketId}' is not a bucket id (bk_ followed by 12 hex digits).");

    public static int GraceDays(int? days) =>
        days is null ? ObligationValues.DefaultGraceDays
            : days is >= 0 and <= MaxGraceDays ? days.Value
            : throw PackProblemException.BadField("grace_days", $"must be between 0 and {MaxGraceDays}.");

    public static string Status(string? status) =>
        status is not null && ObligationValues.Statuses.Contains(status) ? status
            : throw PackProblemException.BadField("status", "must be active or archived.");

    public static string? Notes(string? notes) =>
        notes is { Length: > MaxNotesLength } ? throw PackProblemException.BadField("notes", $"must be at most {MaxNotesLength} characters.") : notes;

    public static Month Month(string? text, string field) =>
        Contracts.Values.Month.TryParse(text, out var month) ? month
            : throw PackProblemException.BadField(field, $"'{text}' is not a month: expected YYYY-MM, e.g. 2026-01.");
}
