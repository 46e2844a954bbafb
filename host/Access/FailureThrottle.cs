using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Valhalla.Host.Access;

/// <summary>
/// Slows down guessing: an address that failed to authenticate <see cref="AccessOptions.FailuresPerMinute"/>
/// times within a minute is answered 429 until the minute is over (a fixed window per address,
/// from ASP.NET Core's rate limiters).
/// </summary>
internal sealed class FailureThrottle : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly PartitionedRateLimiter<IPAddress> _failures;

    public FailureThrottle(IOptions<AccessOptions> options)
    {
        var limit = Math.Max(1, options.Value.FailuresPerMinute);
        _failures = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetFixedWindowLimiter(
            address, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = Window, QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <summary>How long <paramref name="address"/> must wait, or null when it may try.</summary>
    public TimeSpan? Blocked(IPAddress address)
    {
        // Asking for no permit tells whether any is left without taking one.
        using var lease = _failures.AttemptAcquire(address, 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Window;
    }

    public void RecordFailure(IPAddress address)
    {
        using var lease = _failures.AttemptAcquire(address);
    }

    public void Dispose() => _failures.Dispose();
}
