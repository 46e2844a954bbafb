namespace Valhalla.Testing;

/// <summary>Waits for a condition the host reaches on its own (a background delivery, say), checking it again and again.</summary>
public static class Eventually
{
    /// <exception cref="TimeoutException">The condition did not hold within <paramref name="timeout"/> (default 30 s).</exception>
    public static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> until, string what, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (until(value))
            {
                return value;
            }

            try
            {
                // Not a synchronisation sleep: the next check, not this delay, decides.
                await Task.Delay(TimeSpan.FromMilliseconds(25), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Still waiting for {what}; last seen: {value}");
            }
        }
    }
}
