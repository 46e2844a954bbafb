namespace Valhalla.Contracts.Catalog;

/// <summary>
/// The host's knowledge of packs, offered to every pack (the registry pack serves it over REST).
/// </summary>
public interface IPackCatalog
{
    /// <summary>The report of the packs as the host loaded them.</summary>
    ValidationReport Current { get; }

    /// <summary>Re-runs validation over the drop folder without loading anything.</summary>
    Task<ValidationReport> ValidateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a manifest on its own (fields, formats, route prefix, data paths), as for a
    /// registration; checks that need the pack's files are not run.
    /// </summary>
    IReadOnlyList<Finding> CheckManifest(PackManifest manifest);
}
