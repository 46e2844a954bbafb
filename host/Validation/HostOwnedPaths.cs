using Valhalla.Host.Configuration;

namespace Valhalla.Host.Validation;

/// <summary>
/// Files and folders under the data root that belong to the host: no pack may name them, or
/// anything inside them, as a data path. The drop folder is checked on its own
/// (<see cref="FindingCodes.DataPathInDropFolder"/>); shadow copies live under the system's temp
/// folder, outside the data root, or under <c>host/</c>.
/// </summary>
internal static class HostOwnedPaths
{
    public const string BackupsFolder = "backups";

    /// <summary>Each host-owned path with what it holds, as said in findings.</summary>
    public static IReadOnlyList<(string Path, string What)> Of(ValhallaPaths paths) =>
    [
        (paths.ReportsFolder, "the validation reports"),
        (paths.HostFolder, "the host's own state (its database, what was serving, quarantine, shadow copies)"),
        (paths.OwnerKeyFile, "the owner's key"),
        (Path.Combine(paths.DataRoot, BackupsFolder), "the backups"),
    ];
}
