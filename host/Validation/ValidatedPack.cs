using Valhalla.Contracts.Catalog;
using Valhalla.Host.Discovery;

namespace Valhalla.Host.Validation;

/// <summary>A discovered pack with every finding about it; valid when none is an error.</summary>
public sealed record ValidatedPack(DiscoveredPack Pack, IReadOnlyList<Finding> Findings)
{
    public bool IsValid => !Findings.Any(f => f.Severity == Severity.Error);

    public string Code => Pack.Code;
}
