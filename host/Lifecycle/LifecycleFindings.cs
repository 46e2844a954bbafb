using Valhalla.Contracts.Catalog;
using Valhalla.Host.Quarantine;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Lifecycle;

/// <summary>The findings the lifecycle adds to a pack's report line, beyond its validation.</summary>
internal static class LifecycleFindings
{
    /// <summary>Says that <paramref name="current"/> keeps serving although its folder's files could not replace it.</summary>
    public static Finding PreviousCopyServing(RunningPack current, string why) => new(
        current.Code, Severity.Warning, FindingCodes.PreviousCopyServing, "The copy of the pack loaded earlier keeps serving.",
        $"{current.Code} {current.Manifest.Version} keeps serving from the files it was loaded from: {why}. Fix the files in its folder; "
        + "the host tries again when they change, or when an admin reloads the pack.");

    public static Finding RequiresNotLoaded(string pack, string missing) => new(
        pack, Severity.Error, FindingCodes.RequiresNotLoaded, "A required pack is not running.",
        $"requires: {missing} is not running, so {pack} was not started. Fix the required pack first; {pack} starts when it does.");

    public static Finding FilesChanging(string pack, string why) => new(
        pack, Severity.Warning, FindingCodes.FilesChanging, "The pack's files are still changing.",
        $"{why}. The pack is loaded once its files stop changing.");

    public static Finding Quarantined(QuarantinedPack held) => new(
        held.Code, Severity.Error, FindingCodes.PackQuarantined, "The pack is quarantined: it ended the host's process.",
        $"{held.Reason}. The host does not start it again until its files change or an admin reloads the pack.");
}
