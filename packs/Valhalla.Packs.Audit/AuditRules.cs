using System.Globalization;
using Valhalla.Contracts;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Audit;

/// <summary>The query rules of the audit trail; each failure names the query field.</summary>
public static class AuditRules
{
    public const int MaxPageSize = 500;
    public const int DefaultPageSize = 50;

    public static AuditFilter Filter(AuditQuery query)
    {
        var (limit, offset) = (query.Limit, query.Offset);
        var filter = new AuditFilter(
            Text(query.SubjectId, "subject_id"), Text(query.Pack, "pack"), Text(query.Kind, "kind"), Date(query.From, "from"), Date(query.To, "to"),
            limit is null ? DefaultPageSize : limit is >= 1 and <= MaxPageSize ? limit.Value : throw PackProblemException.BadField("limit", $"must be between 1 and {MaxPageSize}."),
            offset is null or >= 0 ? offset ?? 0 : throw PackProblemException.BadField("offset", "must not be negative."));
        return filter.To < filter.From ? throw PackProblemException.BadField("to", $"must not be before from ({filter.From:yyyy-MM-dd}).") : filter;
    }

    private static string? Text(string? value, string field) =>
        value is { Length: 0 or > 200 } ? throw PackProblemException.BadField(field, "must be 1 to 200 characters.") : value;

    private static DateOnly? Date(string? text, string field) =>
        text is null ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
            : throw PackProblemException.BadField(field, $"'{text}' is not a real date: expected YYYY-MM-DD.");
}
