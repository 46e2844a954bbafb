using Valhalla.Contracts.Services;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Obligations;

/// <summary>What the obligations pack exports to the ledger: whether a month is covered, and what is not.</summary>
public sealed class ObligationsStatus(ObligationMonths months) : IObligationsStatus
{
    public async Task<bool> AreCoveredAsync(Month month, CancellationToken cancellationToken = default) =>
        (await months.CoverageAsync(month, cancellationToken)).Covered;

    public Task<ObligationsCoverage> GetCoverageAsync(Month month, CancellationToken cancellationToken = default) =>
        months.CoverageAsync(month, cancellationToken);
}
