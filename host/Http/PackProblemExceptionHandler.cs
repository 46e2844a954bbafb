using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Valhalla.Contracts;

namespace Valhalla.Host.Http;

/// <summary>
/// The one place where a rule a pack's service refused — a <see cref="PackProblemException"/> from
/// the shared contracts, so one type in every load context — becomes an RFC 9457 problem: with a
/// field, a validation problem whose <c>errors</c> names it; without, a problem with the pack's extensions.
/// </summary>
internal sealed class PackProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not PackProblemException refused)
        {
            return false;
        }

        context.Response.StatusCode = refused.Status;
        var problem = Describe(refused);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    internal static ProblemDetails Describe(PackProblemException refused)
    {
        ProblemDetails problem = refused.Field is { } field
            ? new ValidationProblemDetails(refused.Errors?.ToDictionary() ?? new Dictionary<string, string[]> { [field] = [refused.Message] })
            : new ProblemDetails();
        problem.Status = refused.Status;
        problem.Title = refused.Title;
        problem.Detail = refused.Message;
        problem.Type = refused.Type;
        foreach (var (name, value) in refused.Extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }
}
