using System.Globalization;
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
        type is not null && TxValues.Types.Contains(type) ? type : throw ApiProblem.BadField(field, "must be income or expense.");

    public static Money Amount(Money amount) =>
        amount.MinorUnits > 0 ? amount : throw ApiProblem.BadField("amount", "must be greater than 0.");

    public static DateOnly Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw ApiProblem.BadField("date", $"'{text}' is not a real date: expected YYYY-MM-DD, e.g. 2026-01-15.");

    public static string Priority(string? priority) =>
        priority is not null && TxValues.Priorities.Contains(priority) ? priority : throw ApiProblem.BadField("priority", "must be one of A, B, C, D.");

    public static string? Description(string? description) =>
        description is { Length: > MaxDescriptionLength } ? throw ApiProblem.BadField("description", $"must be at most {MaxDescriptionLength} characters.") : description;

    public static string? Reason(string? reason) =>
        reason is { Length: > MaxDescriptionLength } ? throw ApiProblem.BadField("reason", $"must be at most {MaxDescriptionLength} characters.") : reason;

    public static string? BucketId(string? bucketId) =>
        bucketId is null || PrefixedId.IsValid(bucketId, "bk") ? bucketId : throw ApiProblem.BadField("bucket_id", $"'{bucketId}' is not a bucket id (bk_ followed by 12 hex digits).");

    public static string Status(string? status) =>
        status is not null && TxValues.Statuses.Contains(status) ? status : throw ApiProblem.BadField("status", "must be posted or void.");

    public static Month Month(string? text) =>
        Contracts.Values.Month.TryParse(text, out var month) ? month : throw ApiProblem.BadField("month", $"'{text}' is not a month: expected YYYY-MM.");

    public static int Limit(int? limit) =>
        limit is null ? DefaultPageSize
            : limit is >= 1 and <= MaxPageSize ? limit.Value
            : throw ApiProblem.BadField("limit", $"must be between 1 and {MaxPageSize}.");

    public static int Offset(int? offset) =>
        offset is null or >= 0 ? offset ?? 0 : throw ApiProblem.BadField("offset", "must not be negative.");
}
