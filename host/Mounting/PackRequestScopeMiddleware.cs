using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Valhalla.Host.Configuration;

namespace Valhalla.Host.Mounting;

/// <summary>
/// Runs each request to a pack endpoint in a scope of that pack's provider, so handlers get the
/// pack's services and the pack's JSON options, and counts it at the pack's gate so a retiring pack
/// is disposed only after its last request. A request routed to a pack that was swapped out a
/// moment ago goes to the same route of the pack's new copy, or is a 404 when the pack is gone.
/// Each pack is held to its own limits, so its slow handlers cost only its own requests: past
/// <see cref="ValhallaOptions.PackConcurrencyLimit"/> requests at once it answers 503, and a request
/// still running after <see cref="ValhallaOptions.PackRequestTimeoutMs"/> is cancelled (504).
/// </summary>
internal sealed class PackRequestScopeMiddleware(
    RequestDelegate next, PackEndpointDataSource endpoints, IOptions<ValhallaOptions> options, IProblemDetailsService problems, TimeProvider time)
{
    private const string PackHeader = "Valhalla-Pack";

    private readonly int _limit = options.Value.PackConcurrencyLimit;
    private readonly TimeSpan _timeout = options.Value.PackRequestTimeoutMs > 0
        ? TimeSpan.FromMilliseconds(options.Value.PackRequestTimeoutMs)
        : Timeout.InfiniteTimeSpan;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<PackEndpointMetadata>() is not { } pack)
        {
            await next(context);
            return;
        }

        for (var entry = pack.Gate.TryEnter(_limit); entry != GateEntry.Entered; entry = pack.Gate.TryEnter(_limit))
        {
            if (entry == GateEntry.Full)
            {
                context.Response.Headers[PackHeader] = pack.Served;
                await PackLimitProblems.WriteBusyAsync(context, problems, pack.PackCode, _limit);
                return;
            }

            var current = endpoints.FindCurrent(pack.PackCode, context.GetEndpoint()!);
            context.SetEndpoint(current);
            if (current?.Metadata.GetMetadata<PackEndpointMetadata>() is not { } replacement)
            {
                await next(context);
                return;
            }

            pack = replacement;
        }

        var hostServices = context.RequestServices;
        var aborted = context.RequestAborted;
        using var timeout = new CancellationTokenSource(_timeout, time);
        using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(aborted, timeout.Token);
        try
        {
            await using var scope = pack.Services.CreateAsyncScope();
            context.RequestServices = scope.ServiceProvider;
            context.RequestAborted = cancelled.Token;
            context.Response.Headers[PackHeader] = pack.Served;
            await next(context);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !aborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            context.RequestServices = hostServices;
            context.Response.Clear();
            context.Response.Headers[PackHeader] = pack.Served;
            await PackLimitProblems.WriteTimedOutAsync(context, problems, pack.PackCode, _timeout);
        }
        finally
        {
            context.RequestServices = hostServices;
            context.RequestAborted = aborted;
            pack.Gate.Exit();
        }
    }
}
