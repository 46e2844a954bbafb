using Microsoft.AspNetCore.Http;

namespace Valhalla.Contracts;

/// <summary>
/// A rule a request broke, thrown by a pack's service (or store) and answered by the host as an
/// RFC 9457 problem: one place at the edge, not a try/catch or an endpoint filter in every pack.
/// With a <see cref="Field"/> the answer is a validation problem whose <c>errors</c> names that
/// field; without one it is a plain problem carrying <see cref="Extensions"/>. Throw it before
/// anything is stored, or inside the write transaction, so a refused request changes nothing.
/// </summary>
public sealed class PackProblemException : Exception
{
    /// <summary>A problem with the given HTTP status (4xx), title and detail, about <paramref name="field"/> when given.</summary>
    /// <param name="status">The HTTP status code of the answer, e.g. 400, 404, 409, 422.</param>
    /// <param name="title">A short summary of the kind of problem, the same for every occurrence.</param>
    /// <param name="detail">What went wrong this time and how to fix it; also the exception's message.</param>
    /// <param name="field">The wire name of the offending field (e.g. <c>monthly_limit</c>), when there is one.</param>
    public PackProblemException(int status, string title, string detail, string? field = null)
        : base(detail)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        Status = status;
        Title = title;
        Field = field;
    }

    /// <summary>The HTTP status code of the answer.</summary>
    public int Status { get; }

    /// <summary>A short summary of the kind of problem (the problem's <c>title</c>).</summary>
    public string Title { get; }

    /// <summary>The wire name of the offending field (the key in the problem's <c>errors</c>), when there is one.</summary>
    public string? Field { get; }

    /// <summary>A URI naming the problem type (the problem's <c>type</c>); the host fills in the status's default when null.</summary>
    public string? Type { get; init; }

    /// <summary>
    /// Every offending field with its messages (the problem's <c>errors</c>), when a request breaks
    /// several rules at once; null means just <see cref="Field"/> with the detail. See <see cref="BadFields"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Members added to the problem body, e.g. the obligations that refused a payment.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>400: <paramref name="field"/> (wire name, e.g. <c>monthly_limit</c>) is invalid; the detail is <c>field: message</c>.</summary>
    /// <param name="field">The wire name of the offending field.</param>
    /// <param name="message">What is wrong with it, e.g. <c>must be at least 0.</c></param>
    public static PackProblemException BadField(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "The request has an invalid field.", $"{field}: {message}", field);

    /// <summary>400: several fields are invalid at once, each with its message; the detail lists them all.</summary>
    /// <param name="errors">Wire field name → what is wrong with it; at least one.</param>
    public static PackProblemException BadFields(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        var detail = string.Join(" ", errors.Select(error => $"{error.Key}: {error.Value}"));
        return new(StatusCodes.Status400BadRequest, "The request has an invalid field.", detail, errors.Keys.First())
        {
            Errors = errors.ToDictionary(error => error.Key, error => new[] { error.Value }),
        };
    }

    /// <summary>404: no <paramref name="what"/> with this id.</summary>
    /// <param name="what">What was looked for, e.g. <c>bucket</c>.</param>
    /// <param name="id">The id that was not found.</param>
    public static PackProblemException NotFound(string what, string id) =>
        new(StatusCodes.Status404NotFound, $"Unknown {what}.", $"No {what} has id '{id}'.");

    /// <summary>409: the request conflicts with what is stored.</summary>
    /// <param name="title">A short summary of the conflict.</param>
    /// <param name="detail">What conflicts and how to resolve it.</param>
    public static PackProblemException Conflict(string title, string detail) => new(StatusCodes.Status409Conflict, title, detail);
}
