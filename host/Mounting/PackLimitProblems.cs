using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Valhalla.Host.Mounting;

/// <summary>The answers of a pack held to its limits: 503 when it is at its concurrency limit, 504 when it took too long.</summary>
internal static class PackLimitProblems
{
    /// <summary>Seconds a client is told to wait before retrying a pack at its limit.</summary>
    public const int RetryAfterSeconds = 1;

    public static Task WriteBusyAsync(HttpContext context, IProblemDetailsService problems, string pack, int limit)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return WriteAsync(context, problems, new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The pack is busy.",
            Detail = $"{pack} is already handling {limit} requests, as many as one pack may at once (Valhalla:PackConcurrencyLimit). "
                + $"Retry after {RetryAfterSeconds} s; other packs are not affected.",
        });
    }

    public static Task WriteTimedOutAsync(HttpContext context, IProblemDetailsService problems, string pack, TimeSpan timeout)
    {
        context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
        return WriteAsync(context, problems, new ProblemDetails
        {
            Status = StatusCodes.Status504GatewayTimeout,
            Title = "The pack did not answer in time.",
            Detail = $"{pack} did not answer within {timeout.TotalMilliseconds:0} ms (Valhalla:PackRequestTimeoutMs); the request was cancelled.",
        });
    }

    private static async Task WriteAsync(HttpContext context, IProblemDetailsService problems, ProblemDetails problem)
    {
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }
    }
}
