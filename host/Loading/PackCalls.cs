namespace Valhalla.Host.Loading;

/// <summary>
/// Runs the calls into pack code that the host waits for (its constructor, <c>GetMigrations</c>,
/// <c>ConfigureServices</c>, <c>MapRoutes</c>, the <c>Dispose</c> of its services…) on a thread of
/// their own, and waits for each at most <see cref="Deadline"/>. A call that misses it is abandoned:
/// .NET cannot stop a thread, so it keeps running (or hanging) in the pack's code, and whatever it
/// holds stays in memory — the host reports that pack as leaked and goes on with the rest.
/// </summary>
internal sealed class PackCalls(TimeSpan deadline, TimeProvider time)
{
    /// <summary>How long the host waits for one call into pack code.</summary>
    public TimeSpan Deadline => deadline;

    /// <summary>
    /// Runs <paramref name="body"/> on a dedicated thread (a hanging pack must not hold a pool thread).
    /// <paramref name="whenLate"/> cleans up after a call that returns only after it was abandoned.
    /// </summary>
    /// <exception cref="PackCallTimeoutException">The call did not return within the deadline.</exception>
    public Task<T> Run<T>(string call, Func<T> body, CancellationToken ct, Action<T>? whenLate = null) =>
        WaitAsync(call, OnOwnThread(body), whenLate, ct);

    /// <summary>Runs an asynchronous call; its synchronous part runs on a dedicated thread.</summary>
    public Task<T> RunAsync<T>(string call, Func<Task<T>> body, CancellationToken ct, Action<T>? whenLate = null) =>
        WaitAsync(call, OnOwnThread(body).Unwrap(), whenLate, ct);

    /// <summary>Waits for <paramref name="running"/> (work that runs pack code, started elsewhere) as for a call.</summary>
    public Task<T> WaitAsync<T>(string call, Task<T> running, Action<T>? whenLate, CancellationToken ct) => WaitCoreAsync(call, running, whenLate, ct);

    private static Task<T> OnOwnThread<T>(Func<T> body) =>
        Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);

    private async Task<T> WaitCoreAsync<T>(string call, Task<T> running, Action<T>? whenLate, CancellationToken ct)
    {
        try
        {
            return await running.WaitAsync(deadline, time, ct);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException && !running.IsCompleted)
        {
            if (whenLate is not null)
            {
                _ = running.ContinueWith(t => whenLate(t.Result), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            }

            if (ex is TimeoutException)
            {
                throw new PackCallTimeoutException(call, deadline);
            }

            throw;
        }
    }
}
