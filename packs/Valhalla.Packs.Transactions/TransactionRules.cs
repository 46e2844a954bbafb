using System.Globalization;
using Valhalla.Contracts;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>The field rules of a transaction; each failure names the wire field.</summary>
public static class TransactionRules
{
    public const int MaxDescriptionLength = 500;
    public const int MaxPageSize = 500;
    public const int DefaultPageSize = 50;

    public static string TxType(string? type, string field = "tx_type") =>
        type is not null && TxValues.Types.Contains(type) ? type : throw PackProblemException.BadField(field, "must be income or expense.");

    /// <summary>400 on <c>amount</c>: the expense would take its bucket's month past <see cref="Money.MaxAmount"/>, holding <paramref name="spent"/> already.</summary>
    public static PackProblemException BucketMonthFull(string bucketId, Valhalla.Contracts.Values.Month month, Money spent) =>
        PackProblemException.BadField("amount",
            $"bucket '{bucketId}' already holds {spent} of expenses in {month}; one bucket's month holds at most {Money.MaxAmount}.");

    public static Money Amount(Money amount) =>
        amount.MinorUnits <= 0 ? throw PackProblemException.BadField("amount", "must be greater than 0.")
            : amount > Money.MaxAmount ? throw PackProblemException.BadField("amount", $"must be at most {Money.MaxAmount}.")
            : amount;

    public static DateOnly Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw PackProblemException.BadField("date", $"'{text}' is not a real date: expected YYYY-MM-DD, e.g. 2026-01-15.");

    /// <summary>NFC, so that a retry typed on another keyboard hashes the same; no control characters but tabs and line breaks.</summary>
    public static string? Description(string? description) => Prose("description", description);

    public static string? Reason(string? reason) => Prose("reason", reason);

    public static string? BucketId(string? bucketId) =>
        bucketId is null || PrefixedId.IsValid(bucketId, "bk") ? bucketId : throw PackProblemException.BadField("bucket_id", $"'{bucketId}' is not a bucket id (bk_ followed by 12 hex digits).");

    public static string Status(string? status) =>
        status is not null && TxValues.Statuses.Contains(status) ? status : throw PackProblemException.BadField("status", "must be posted or void.");

    public static Month Month(string? text) =>
        Contracts.Values.Month.TryParse(text, out var month) ? month : throw PackProblemException.BadField("month", $"'{text}' is not a month: expected YYYY-MM.");

    public static int Limit(int? limit) =>
        limit is null ? DefaultPageSize
            : limit is >= 1 and <= MaxPageSize ? limit.Value
            : throw PackProblemException.BadField("limit", $"must be between 1 and {MaxPageSize}.");

    public static int Offset(int? offset) =>
        offset is null or >= 0 ? offset ?? 0 : throw PackProblemException.BadField("offset", "must not be negative.");

    private static string? Prose(string field, string? text)
    {
        var normal = text is null ? null : FreeText.Prose(field, text);
        return normal is { Length: > MaxDescriptionLength } ? throw PackProblemException.BadField(field, $"must be at most {MaxDescriptionLength} characters.") : normal;
    }
}
