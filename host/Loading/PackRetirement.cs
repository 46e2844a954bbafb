using Microsoft.Extensions.Logging;

namespace Valhalla.Host.Loading;

/// <summary>
/// Unloads a pack that has been unmounted and whose exports were withdrawn: waits for its in-flight
/// requests, disposes its services and databases, drops its load context, then checks that the
/// garbage collector really frees the context. A pack that stays reachable is reported as leaked.
/// </summary>
internal static class PackRetirement
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);
    private const int CollectionAttempts = 10;

    /// <param name="runtime">The pack; nothing else may reference it once this is called.</param>
    /// <param name="flushHostCaches">Drops what the host's framework caches about unmounted endpoints.</param>
    public static async Task<UnloadOutcome> RetireAsync(PackRuntime runtime, Action flushHostCaches, ILogger logger)
    {
        var (code, version, loadFolder, context) = (runtime.Code, runtime.Manifest.Version, runtime.Source.LoadFolder, runtime.LoadContext);
        var drained = await DrainAsync(runtime);
        if (!drained)
        {
            logger.LogWarning("Requests to {Pack} {Version} still ran after {Seconds} s; unloading it anyway", code, version, DrainTimeout.TotalSeconds);
        }

        try
        {
            await runtime.DisposeAsync();
        }
        catch (PackCallTimeoutException timeout)
        {
            logger.LogError("{Pack} {Version}: {Reason}; unloading it anyway, but the thread stays in its code, so it stays in memory", code, version, timeout.Message);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "{Pack} {Version} threw while being disposed; unloading it anyway", code, version);
        }

        // The state machine keeps its arguments alive; let go of the pack before asking the GC about it.
        runtime = null!;
        flushHostCaches();

        var unloaded = await WaitForCollectionAsync(context);
        ShadowCopies.Delete(loadFolder);
        if (unloaded)
        {
            logger.LogInformation("Unloaded {Pack} {Version}: its load context was collected", code, version);
        }
        else
        {
            logger.LogWarning("{Pack} {Version} leaked: its load context is still reachable after unloading", code, version);
        }

        return new UnloadOutcome(code, version, unloaded, drained);
    }

    private static async Task<bool> DrainAsync(PackRuntime runtime)
    {
        try
        {
            await runtime.Gate.CloseAsync().WaitAsync(DrainTimeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    // Unloading is cooperative: it finishes once no thread, finalizer or cache holds the pack's types.
    private static async Task<bool> WaitForCollectionAsync(WeakReference context)
    {
        for (var attempt = 1; attempt <= CollectionAttempts && context.IsAlive; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            if (context.IsAlive)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt));
            }
        }

        return !context.IsAlive;
    }
}
