using Valhalla.Contracts.Catalog;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Loading;

/// <summary>Builds each pack's line of the report from its validation and what the host runs.</summary>
internal sealed class PackReports(string dropFolder)
{
    /// <summary>A pack the host does not run, with its validation findings and <paramref name="more"/>.</summary>
    public PackReport Describe(ValidatedPack pack, PackStatus status, params IEnumerable<Finding> more) => new(
        pack.Code, Folder(pack), status, 0, [], [.. pack.Findings, .. more], pack.Pack.Manifest);

    /// <summary>A pack whose start failed.</summary>
    public PackReport Failed(ValidatedPack pack, FailedStart failure) =>
        Describe(pack, PackStatus.Failed, failure.Finding) with { LoadMs = failure.LoadMs };

    /// <summary>
    /// A running pack, described by the copy that runs (its manifest, routes and load time) with the
    /// findings about its folder's current files.
    /// </summary>
    public PackReport Serving(LoadedPack loaded, ValidatedPack pack, params IEnumerable<Finding> more) => new(
        loaded.Code, Folder(pack), PackStatus.Loaded, loaded.LoadMs, loaded.Runtime.Routes,
        [.. pack.Findings, .. loaded.StartFindings, .. more], loaded.Runtime.Manifest);

    private string Folder(ValidatedPack pack) => Path.GetRelativePath(dropFolder, pack.Pack.Folder);
}
