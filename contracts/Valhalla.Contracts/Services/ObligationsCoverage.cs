namespace Valhalla.Contracts.Services;

/// <summary>Whether a month's obligations are covered, and what keeps them from being covered.</summary>
/// <param name="Covered">True when spending of priority C or D may go ahead.</param>
/// <param name="Uncovered">The obligations that make the month uncovered; empty when covered (or when the provider cannot say).</param>
public sealed record ObligationsCoverage(bool Covered, IReadOnlyList<UncoveredObligation> Uncovered);
