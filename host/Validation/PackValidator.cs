using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Configuration;
using Valhalla.Host.Discovery;

namespace Valhalla.Host.Validation;

/// <summary>
/// Validates discovered packs before any of their code runs: each pack's manifest and files, then
/// what packs must agree on together (unique codes, data paths, route prefixes, requirements).
/// </summary>
public sealed class PackValidator(ValhallaPaths paths)
{
    /// <summary>Every pack with its findings, in load order: valid packs by their requirements, then the rest by code.</summary>
    public IReadOnlyList<ValidatedPack> Validate(IReadOnlyList<DiscoveredPack> packs)
    {
        var findings = packs.ToDictionary(p => p, p => new List<Finding>(p.Findings));
        var readable = packs.Where(p => p.Manifest is not null).ToList();
        foreach (var pack in readable)
        {
            findings[pack].AddRange(ManifestChecks.Check(pack.Manifest!, paths));
            findings[pack].AddRange(PackFolderChecks.Check(pack.Manifest!, pack.Folder));
        }

        CheckDuplicateCodes(readable, findings);
        CheckSharedDataPaths(readable, findings);
        CheckOverlappingPrefixes(readable, findings);

        var unique = readable.GroupBy(p => p.Code).Where(g => g.Count() == 1).Select(g => g.Single()).ToList();
        var invalid = unique.Where(p => findings[p].Any(IsError)).Select(p => p.Code).ToHashSet();
        var (dependencyFindings, order) = DependencyChecks.Check(
            unique.ToDictionary(p => p.Code, p => p.Manifest!.Requires), invalid, readable.Select(p => p.Code).ToHashSet());
        foreach (var pack in unique)
        {
            findings[pack].AddRange(dependencyFindings[pack.Code]);
        }

        var byCode = unique.ToDictionary(p => p.Code);
        var loadable = order.Select(code => byCode[code]).ToList();
        var rest = packs.Except(loadable).OrderBy(p => p.Code, StringComparer.Ordinal).ThenBy(p => p.FolderName, StringComparer.Ordinal);
        return [.. loadable.Concat(rest).Select(p => new ValidatedPack(p, findings[p]))];
    }

    /// <summary>Checks one manifest alone, as for a registration: no files, no other packs.</summary>
    public IReadOnlyList<Finding> CheckManifest(PackManifest manifest) => [.. ManifestChecks.Check(manifest, paths)];

    private static bool IsError(Finding finding) => finding.Severity == Severity.Error;

    private static void CheckDuplicateCodes(List<DiscoveredPack> packs, Dictionary<DiscoveredPack, List<Finding>> findings)
    {
        foreach (var group in packs.GroupBy(p => p.Code).Where(g => g.Count() > 1))
        {
            foreach (var pack in group)
            {
                var others = string.Join(", ", group.Where(p => p != pack).Select(p => p.FolderName));
                findings[pack].Add(ManifestChecks.Error(pack.Code, FindingCodes.CodeDuplicate, "Two packs have the same code.",
                    $"code '{pack.Code}' in folder {pack.FolderName} is also used by folder {others}. Remove one of the folders or give each pack its own code."));
            }
        }
    }

    private void CheckSharedDataPaths(List<DiscoveredPack> packs, Dictionary<DiscoveredPack, List<Finding>> findings)
    {
        var claims = packs
            .SelectMany(p => p.Manifest!.DataPaths.Where(d => !string.IsNullOrWhiteSpace(d) && !Path.IsPathRooted(d)).Select(d => (Pack: p, DataPath: d)))
            .GroupBy(c => DataPathChecks.FullPath(c.DataPath, paths))
            .Where(g => g.Select(c => c.Pack).Distinct().Count() > 1);
        foreach (var claim in claims)
        {
            foreach (var (pack, dataPath) in claim)
            {
                var others = string.Join(", ", claim.Where(c => c.Pack != pack).Select(c => c.Pack.Code).Distinct());
                findings[pack].Add(ManifestChecks.Error(pack.Code, FindingCodes.DataPathDuplicate, "A data path is claimed by two packs.",
                    $"data_paths '{dataPath}' is also claimed by {others}. Each pack owns its files: give each its own path, e.g. {pack.Code.ToLowerInvariant()}/{Path.GetFileName(dataPath)}."));
            }
        }
    }

    private static void CheckOverlappingPrefixes(List<DiscoveredPack> packs, Dictionary<DiscoveredPack, List<Finding>> findings)
    {
        var mounted = packs.Where(p => RoutePrefixChecks.IsWellFormed(p.Manifest!.RoutePrefix)).ToList();
        foreach (var pack in mounted)
        {
            foreach (var other in mounted.Where(o => o != pack && RoutePrefixChecks.Overlap(pack.Manifest!.RoutePrefix, o.Manifest!.RoutePrefix)))
            {
                findings[pack].Add(ManifestChecks.Error(pack.Code, FindingCodes.RoutePrefixOverlap, "The route prefix overlaps another pack's.",
                    $"route_prefix '{pack.Manifest!.RoutePrefix}' overlaps '{other.Manifest!.RoutePrefix}' of {other.Code} (folder {other.FolderName}). Give each pack its own prefix."));
            }
        }
    }
}
