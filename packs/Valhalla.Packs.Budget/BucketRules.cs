using Valhalla.Contracts;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Budget;

/// <summary>The field rules of a bucket; each failure names the wire field.</summary>
public static class BucketRules
{
    public const int MaxNameLength = 100;
    public const int MaxNotesLength = 2000;

    /// <summary>
    /// At most this many active buckets, so that a month's totals hold even in the worst case: every
    /// bucket at the ceiling, rolling over from 0001-01 to 9999-12 (see <see cref="SnapshotCalculator"/>).
    /// </summary>
    public const int MaxActiveBuckets = 500;

    /// <summary>409: activating one more bucket would exceed <see cref="MaxActiveBuckets"/>.</summary>
    public static PackProblemException TooManyBuckets() =>
        PackProblemException.Conflict("Too many active buckets.", $"At most {MaxActiveBuckets} buckets may be active at once. Archive one first.");

    /// <summary>409: an active bucket already has this name.</summary>
    public static PackProblemException NameTaken(string name) =>
        PackProblemException.Conflict("A bucket with this name exists.", $"An active bucket is already named '{name}'. Choose another name or archive that bucket.");

    /// <summary>Trimmed, NFC-normalised and free of control characters, so equal-looking names compare equal.</summary>
    public static string Name(string? name)
    {
        var trimmed = name?.Trim();
        var normal = string.IsNullOrEmpty(trimmed) ? throw PackProblemException.BadField("name", "must not be empty.") : FreeText.Line("name", trimmed);
        return normal.Length > MaxNameLength ? throw PackProblemException.BadField("name", $"must be at most {MaxNameLength} characters.") : normal;
    }

    public static string BucketType(string? type) =>
        type is not null && BucketTypes.All.Contains(type) ? type
            : throw PackProblemException.BadField("bucket_type", $"must be one of {string.Join(", ", BucketTypes.All)}.");

    public static Money MonthlyLimit(Money limit) =>
        limit.IsNegative ? throw PackProblemException.BadField("monthly_limit", "must not be negative (0 means informational).")
            : limit > Money.MaxAmount ? throw PackProblemException.BadField("monthly_limit", $"must be at most {Money.MaxAmount}.")
            : limit;

    public static string Status(string? status, string field = "status") =>
        status is not null && BucketValues.Statuses.Contains(status) ? status
            : throw PackProblemException.BadField(field, "must be active or archived.");

    public static string? Notes(string? notes)
    {
        var normal = notes is null ? null : FreeText.Prose("notes", notes);
        return normal is { Length: > MaxNotesLength } ? throw PackProblemException.BadField("notes", $"must be at most {MaxNotesLength} characters.") : normal;
    }

    public static Money Allocation(Money amount) =>
        amount.IsNegative ? throw PackProblemException.BadField("amount", "must not be negative; send null to clear the allocation.")
            : amount > Money.MaxAmount ? throw PackProblemException.BadField("amount", $"must be at most {Money.MaxAmount}.")
            : amount;

    public static Month Month(string? text, string field) =>
        Contracts.Values.Month.TryParse(text, out var month) ? month
            : throw PackProblemException.BadField(field, $"'{text}' is not a month: expected YYYY-MM, e.g. 2026-01.");
}
