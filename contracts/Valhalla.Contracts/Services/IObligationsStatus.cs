using Valhalla.Contracts.Values;

namespace Valhalla.Contracts.Services;

/// <summary>
/// Whether a month's obligations (rent, bills, debt payments) are covered. Spending of priority
/// C or D is refused while they are not, unless the bucket is essentials. When no pack exports
/// this service, spending is allowed.
/// </summary>
public interface IObligationsStatus
{
    /// <summary>True when every obligation due in <paramref name="month"/> is covered.</summary>
    Task<bool> AreCoveredAsync(Month month, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether <paramref name="month"/> is covered and, when it is not, which obligations hold it
    /// back, so a refusal can name them. Added in contracts 1.2: a provider built against 1.0 or 1.1
    /// answers through <see cref="AreCoveredAsync"/>, naming none.
    /// </summary>
    async Task<ObligationsCoverage> GetCoverageAsync(Month month, CancellationToken cancellationToken = default) =>
        new(await AreCoveredAsync(month, cancellationToken), []);
}
