using System.Text.RegularExpressions;
using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Configuration;

namespace Valhalla.Host.Validation;

/// <summary>Checks of one manifest's own fields: code, version, contracts, module name, route prefix, data paths.</summary>
internal static partial class ManifestChecks
{
    public static IEnumerable<Finding> Check(PackManifest manifest, ValhallaPaths paths)
    {
        var pack = manifest.Code;
        if (NullItem(manifest) is { } nullItem)
        {
            yield return Error(pack, FindingCodes.ManifestInvalid, "The manifest has a null list item.",
                $"field '{nullItem}' is null. Put a string there or remove the item.");
            yield break;
        }

        if (!CodePattern().IsMatch(manifest.Code))
        {
            yield return Error(pack, FindingCodes.CodeInvalid, "The pack code is malformed.",
                $"code '{manifest.Code}' must be upper-case words joined by dashes, e.g. P-BUDGET-1.");
        }

        if (!VersionPattern().IsMatch(manifest.Version))
        {
            yield return Error(pack, FindingCodes.VersionInvalid, "The pack version is malformed.",
                $"version '{manifest.Version}' must be MAJOR.MINOR.PATCH, e.g. 1.0.0 (a -prerelease suffix is allowed).");
        }

        if (ContractsPattern().Match(manifest.Contracts) is not { Success: true } contracts)
        {
            yield return Error(pack, FindingCodes.ContractsInvalid, "The contracts version is malformed.",
                $"contracts '{manifest.Contracts}' must be MAJOR.MINOR, e.g. {ContractsVersion.Current}.");
        }
        else if (Number(contracts.Groups[1].Value) != ContractsVersion.Major)
        {
            yield return Error(pack, FindingCodes.ContractsMajorMismatch, "The pack was built against other contracts.",
                $"contracts is {manifest.Contracts} but this host offers {ContractsVersion.Current}; the major versions must be equal. Rebuild the pack against Valhalla.Contracts {ContractsVersion.Major}.x.");
        }
        else if (Number(contracts.Groups[2].Value) > ContractsVersion.Minor)
        {
            yield return Error(pack, FindingCodes.ContractsMinorNewer, "The pack needs newer contracts than this host has.",
                $"contracts is {manifest.Contracts} but this host offers {ContractsVersion.Current}; the pack may call members this host lacks. Update the host, or build the pack against Valhalla.Contracts {ContractsVersion.Current}.");
        }

        if (!ModulePattern().IsMatch(manifest.Module))
        {
            yield return Error(pack, FindingCodes.ModuleMissing, "The module name is not an assembly name.",
                $"module '{manifest.Module}' must be an assembly name without folders or extension, e.g. Valhalla.Packs.Budget.");
        }

        foreach (var finding in RoutePrefixChecks.CheckFormat(pack, manifest.RoutePrefix))
        {
            yield return finding;
        }

        foreach (var finding in manifest.DataPaths.SelectMany(dataPath => DataPathChecks.Check(pack, dataPath, paths)))
        {
            yield return finding;
        }

        foreach (var finding in PageChecks.Check(manifest))
        {
            yield return finding;
        }
    }

    /// <summary>
    /// The first null item of data_paths, requires or tags, e.g. <c>requires[0]</c>: the JSON rules
    /// refuse null properties but not null items inside lists.
    /// </summary>
    public static string? NullItem(PackManifest manifest) =>
        new (string Field, IReadOnlyList<string> Items)[] { ("data_paths", manifest.DataPaths), ("requires", manifest.Requires), ("tags", manifest.Tags) }
            .SelectMany(list => list.Items.Select((item, at) => item is null ? $"{list.Field}[{at}]" : null))
            .FirstOrDefault(field => field is not null);

    // Digits too many for an int are a version no host offers, not a crash.
    private static int Number(string digits) => int.TryParse(digits, out var number) ? number : int.MaxValue;

    public static Finding Error(string pack, string code, string title, string detail) => new(pack, Severity.Error, code, title, detail);

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^(\d+)\.(\d+)$")]
    private static partial Regex ContractsPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex ModulePattern();
}
