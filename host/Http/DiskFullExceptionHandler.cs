using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Valhalla.Host.Http;

/// <summary>
/// A request that failed because the disk is full answers 507 Insufficient Storage with a problem
/// saying so, for the host and every pack alike, instead of a bare 500: the operator can act on it.
/// </summary>
internal sealed class DiskFullExceptionHandler(IProblemDetailsService problems, ILogger<DiskFullExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!DiskFull.Is(exception))
        {
            return false;
        }

        logger.LogError("{Method} {Path} failed: the disk is full ({Reason})", context.Request.Method, context.Request.Path, exception.Message);
        context.Response.StatusCode = StatusCodes.Status507InsufficientStorage;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status507InsufficientStorage,
            Title = "The server's disk is full.",
            Detail = "The change could not be saved because the disk holding Valhalla's data is full; nothing was written. "
                + "Free some space on the server (or move the data folder), then send the request again.",
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
