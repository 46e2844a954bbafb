using Valhalla.Host.Loading;

namespace Valhalla.Host.Tests.Loading;

public sealed class PackCallsTests
{
    // Calls that never return meet the short deadline; calls that return get a long one, so a busy machine cannot fail them.
    private readonly PackCalls _calls = new(TimeSpan.FromMilliseconds(50), TimeProvider.System);
    private readonly PackCalls _patient = new(TimeSpan.FromMinutes(1), TimeProvider.System);

    [Fact]
    public async Task A_call_that_returns_gives_its_result_and_its_exception()
    {
        Assert.Equal(42, await _patient.Run("ConfigureServices", () => 42, CancellationToken.None));
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => _patient.Run<int>("MapRoutes", () => throw new InvalidOperationException("the pack's own"), CancellationToken.None));
        Assert.Equal("the pack's own", thrown.Message);
    }

    [Fact]
    public async Task A_call_that_never_returns_is_abandoned_at_the_deadline_and_named()
    {
        using var never = new ManualResetEventSlim();

        var timeout = await Assert.ThrowsAsync<PackCallTimeoutException>(() => _calls.Run("ConfigureServices", () => never.Wait(TimeSpan.FromMinutes(5)), CancellationToken.None));

        Assert.Equal("ConfigureServices", timeout.Call);
        Assert.Contains("did not return within 50 ms", timeout.Message);
        never.Set();
    }

    [Fact]
    public async Task What_an_abandoned_call_returns_late_is_cleaned_up()
    {
        using var release = new ManualResetEventSlim();
        var cleaned = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        await Assert.ThrowsAsync<PackCallTimeoutException>(() => _calls.Run("its constructor", () =>
        {
            release.Wait();
            return "late";
        }, CancellationToken.None, cleaned.SetResult));
        release.Set();

        Assert.Equal("late", await cleaned.Task);
    }

    [Fact]
    public async Task An_asynchronous_call_is_held_to_the_deadline_too()
    {
        var timeout = await Assert.ThrowsAsync<PackCallTimeoutException>(() => _calls.RunAsync("Dispose", async () =>
        {
            await Task.Delay(Timeout.Infinite);
            return true;
        }, CancellationToken.None));

        Assert.Equal("Dispose", timeout.Call);
    }

    [Fact]
    public async Task A_call_runs_on_a_thread_of_its_own()
    {
        var caller = Environment.CurrentManagedThreadId;

        var callee = await _patient.Run("ConfigureServices", () => (Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread), CancellationToken.None);

        Assert.NotEqual(caller, callee.CurrentManagedThreadId);
        Assert.False(callee.IsThreadPoolThread);
    }
}
