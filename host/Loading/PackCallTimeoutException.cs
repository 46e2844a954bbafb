namespace Valhalla.Host.Loading;

/// <summary>A call into pack code did not return within <see cref="PackCalls.Deadline"/>; the thread running it was abandoned.</summary>
public sealed class PackCallTimeoutException(string call, TimeSpan deadline)
    : Exception($"{call} did not return within {deadline.TotalMilliseconds:0} ms")
{
    /// <summary>The call that did not return, e.g. <c>ConfigureServices</c>.</summary>
    public string Call { get; } = call;
}
