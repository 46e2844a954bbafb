using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Valhalla.Packs.Kit;

/// <summary>RFC 9457 problem results that name what was wrong, shared by every pack.</summary>
public static class Problems
{
    /// <summary>400: one field is invalid. <paramref name="field"/> is the wire name, e.g. <c>monthly_limit</c>.</summary>
    public static ValidationProblem BadField(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: $"{field}: {message}",
            title: "The request has an invalid field.");

    /// <summary>404: no <paramref name="what"/> with this id.</summary>
    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Unknown {what}.", detail: $"No {what} has id '{id}'.");

    /// <summary>409: the request conflicts with what is stored.</summary>
    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);
}
