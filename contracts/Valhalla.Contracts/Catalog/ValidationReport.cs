namespace Valhalla.Contracts.Catalog;

/// <summary>The host's report over every pack in the drop folder.</summary>
/// <param name="GeneratedAt">When the report was made (UTC).</param>
/// <param name="ContractsVersion">The host's contracts version.</param>
/// <param name="Packs">One entry per pack folder, in load order.</param>
public sealed record ValidationReport(DateTimeOffset GeneratedAt, string ContractsVersion, IReadOnlyList<PackReport> Packs)
{
    /// <summary>Every error, across packs.</summary>
    public IReadOnlyList<Finding> Errors => [.. Packs.SelectMany(p => p.Errors)];

    /// <summary>Every warning, across packs.</summary>
    public IReadOnlyList<Finding> Warnings => [.. Packs.SelectMany(p => p.Warnings)];

    /// <summary>True when no pack has an error.</summary>
    public bool Ok => !Packs.Any(p => p.Errors.Any());
}
