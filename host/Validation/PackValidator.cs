using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Configuration;
using Valhalla.Host.Discovery;

namespace Valhalla.Host.Validation;

/// <summary>
/// Validates discovered packs before any of their code runs: each pack's manifest and files, then
/// what packs must agree on together (unique codes, data files, route prefixes, requirements). A
/// contested claim fails only the folder that loses it (<see cref="ClaimResolver"/>).
/// </summary>
public sealed class PackValidator(ValhallaPaths paths)
{
    /// <summary>Every pack with its findings, in load order: valid packs by their requirements, then the rest by code.</summary>
    /// <param name="packs">The pack folders found in the drop folder.</param>
    /// <param name="serving">
    /// What was serving (at start-up: before the last stop; later: what runs). When two folders claim one code, route
    /// prefix or data file, the one that was serving keeps it; see <see cref="ClaimResolver"/>.
    /// </param>
    public IReadOnlyList<ValidatedPack> Validate(IReadOnlyList<DiscoveredPack> packs, IReadOnlyCollection<ServingPack>? serving = null)
    {
        serving ??= [];
        var findings = packs.ToDictionary(p => p, p => new List<Finding>(p.Findings));
        var readable = packs.Where(p => p.Manifest is not null).ToList();
        foreach (var pack in readable)
        {
            findings[pack].AddRange(ManifestChecks.Check(pack.Manifest!, paths));
            findings[pack].AddRange(PackFolderChecks.Check(pack.Manifest!, pack.Folder));
        }

        var folders = packs.Select(p => p.FolderName).ToHashSet(StringComparer.Ordinal);
        var lost = ClaimResolver.Resolve(
            [.. readable.Select(p => ClaimOf(p, !findings[p].Any(IsError), serving, folders))], FileSystemCase.ComparisonFor(paths.DataRoot));
        foreach (var pack in readable)
        {
            findings[pack].AddRange(lost.GetValueOrDefault(pack.FolderName) ?? []);
        }

        var unique = readable.Where(p => !lost.ContainsKey(p.FolderName)).GroupBy(p => p.Code).Where(g => g.Count() == 1).Select(g => g.Single()).ToList();
        var invalid = unique.Where(p => findings[p].Any(IsError)).Select(p => p.Code).ToHashSet();
        var (dependencyFindings, order) = DependencyChecks.Check(
            unique.ToDictionary(p => p.Code, p => p.Manifest!.Requires), invalid, readable.Select(p => p.Code).ToHashSet(),
            serving.Select(s => s.Code).ToHashSet());
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

    private Claim ClaimOf(DiscoveredPack pack, bool valid, IReadOnlyCollection<ServingPack> serving, HashSet<string> folders)
    {
        var manifest = pack.Manifest!;
        var served = serving.Any(s => s.Code == pack.Code && s.Folder == pack.FolderName && s.ClaimsTheSame(manifest)) ? ServedRank.Folder
            : serving.Any(s => s.Code == pack.Code && (s.Folder == pack.FolderName || !folders.Contains(s.Folder))) ? ServedRank.Code
            : ServedRank.None;
        var files = manifest.DataPaths
            .Where(d => !string.IsNullOrWhiteSpace(d) && !Path.IsPathRooted(d) && d.IndexOfAny(Path.GetInvalidPathChars()) < 0)
            .Select(d => (d, DataPathChecks.CanonicalPath(d, paths)))
            .ToList();
        var prefix = RoutePrefixChecks.IsWellFormed(manifest.RoutePrefix) ? manifest.RoutePrefix : null;
        return new Claim(pack.FolderName, pack.Code, prefix, files, valid, served);
    }
}
