using Valhalla.Contracts.Catalog;
using Valhalla.Host.Quarantine;
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
    public PackReport Serving(PackRuntime runtime, ValidatedPack pack, params IEnumerable<Finding> more) => new(
        runtime.Code, Folder(pack), PackStatus.Loaded, runtime.LoadMs, runtime.Routes,
        [.. pack.Findings, .. runtime.StartFindings, .. more], runtime.Manifest);

    /// <summary>Says that <paramref name="runtime"/> keeps serving although its folder's files could not replace it.</summary>
    public static Finding PreviousCopyServing(PackRuntime runtime, string why) => new(
        runtime.Code, Severity.Warning, FindingCodes.PreviousCopyServing, "The copy of the pack loaded earlier keeps serving.",
        $"{runtime.Code} {runtime.Manifest.Version} keeps serving from the files it was loaded from: {why}. Fix the files in its folder; "
        + $"the host tries again when they change, or on POST /core/packs/{runtime.Code}/reload.");

    public static Finding RequiresNotLoaded(string pack, string missing) => new(
        pack, Severity.Error, FindingCodes.RequiresNotLoaded, "A required pack is not running.",
        $"requires: {missing} is not running, so {pack} was not started. Fix the required pack first; {pack} starts when it does.");

    public static Finding FilesChanging(string pack, string why) => new(
        pack, Severity.Warning, FindingCodes.FilesChanging, "The pack's files are still changing.",
        $"{why}. The pack is loaded once its files stop changing.");

    public static Finding Quarantined(QuarantinedPack held) => new(
        held.Code, Severity.Error, FindingCodes.PackQuarantined, "The pack is quarantined: it ended the host's process.",
        $"{held.Reason}. The host does not start it again until its files change or an admin reloads it (POST /core/packs/{held.Code}/reload).");

    private string Folder(ValidatedPack pack) => Path.GetRelativePath(dropFolder, pack.Pack.Folder);
}
