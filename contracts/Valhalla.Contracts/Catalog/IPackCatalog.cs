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
    /// Reloads the pack with <paramref name="code"/> from its folder in the drop folder, even when its
    /// files look unchanged: validates them, starts the new copy and swaps it in, then unloads the old
    /// one once its in-flight requests finish. When the new copy fails, the old one keeps serving and
    /// the returned report says why. A pack whose folder is gone is unloaded.
    /// </summary>
    /// <returns>The pack's report after the reload, or null when no pack folder has that code.</returns>
    Task<PackReport?> ReloadAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a manifest on its own (fields, formats, route prefix, data paths), as for a
    /// registration; checks that need the pack's files are not run.
    /// </summary>
    IReadOnlyList<Finding> CheckManifest(PackManifest manifest);
}
