using Microsoft.AspNetCore.Http;

namespace Valhalla.Packs.Kit;

/// <summary>
/// A rule a request broke, thrown by a pack's service and turned into an RFC 9457 problem by
/// <see cref="ApiProblemFilter"/> — one place at the edge, not a try/catch in every handler.
/// </summary>
public sealed class ApiProblem(int status, string title, string detail, string? field = null) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    /// <summary>The wire name of the offending field, when there is one.</summary>
    public string? Field { get; } = field;

    /// <summary>Members added to the problem body, e.g. the obligations that refused a payment.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>400: <paramref name="field"/> (wire name, e.g. <c>monthly_limit</c>) is invalid.</summary>
    public static ApiProblem BadField(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "The request has an invalid field.", $"{field}: {message}", field);

    /// <summary>404: no <paramref name="what"/> with this id.</summary>
    public static ApiProblem NotFound(string what, string id) =>
        new(StatusCodes.Status404NotFound, $"Unknown {what}.", $"No {what} has id '{id}'.");

    /// <summary>409: the request conflicts with what is stored.</summary>
    public static ApiProblem Conflict(string title, string detail) => new(StatusCodes.Status409Conflict, title, detail);
}
