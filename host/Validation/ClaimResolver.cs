using Valhalla.Contracts.Catalog;

namespace Valhalla.Host.Validation;

/// <summary>
/// Settles contested claims (one code, overlapping route prefixes, one data file) without taking the
/// pack that holds them down: folders are ranked — the folder that was serving (with the claims it
/// served with), then a folder holding a code that was serving (moved, or with new claims), then
/// folders valid on their own, then
/// ordinal folder-name order — and each folder in turn gets what no folder before it holds. A folder
/// that loses any claim is refused, with a finding naming the holder and why it keeps it. A folder
/// that is invalid on its own and was not serving holds nothing, so a broken stray copy never
/// displaces anything.
/// </summary>
internal static class ClaimResolver
{
    /// <returns>The findings of each folder that lost a claim, by folder name.</returns>
    public static Dictionary<string, List<Finding>> Resolve(IReadOnlyList<Claim> claims, StringComparison fileComparison)
    {
        var held = new List<Claim>();
        var lost = new Dictionary<string, List<Finding>>();
        foreach (var claim in claims.OrderBy(c => c.Served).ThenBy(c => !c.Valid).ThenBy(c => c.Folder, StringComparer.Ordinal))
        {
            var findings = held.SelectMany(holder => Clashes(claim, holder, fileComparison)).ToList();
            if (findings.Count > 0)
            {
                lost[claim.Folder] = findings;
            }
            else if (claim.Valid || claim.Served == ServedRank.Folder)
            {
                held.Add(claim);
            }
        }

        return lost;
    }

    private static IEnumerable<Finding> Clashes(Claim claim, Claim holder, StringComparison fileComparison)
    {
        var keeps = $"folder {holder.Folder} keeps it: {Why(holder, claim)}; this folder is skipped";
        if (claim.Code == holder.Code)
        {
            yield return ManifestChecks.Error(claim.Code, FindingCodes.CodeDuplicate, "Another folder holds this pack's code.",
                $"code '{claim.Code}' in folder {claim.Folder} is also used by folder {holder.Folder}; {keeps}. Remove one of the folders or give each pack its own code.");
        }

        if (claim.RoutePrefix is { } prefix && holder.RoutePrefix is { } other && RoutePrefixChecks.Overlap(prefix, other))
        {
            yield return ManifestChecks.Error(claim.Code, FindingCodes.RoutePrefixOverlap, "The route prefix overlaps another pack's.",
                $"route_prefix '{prefix}' overlaps '{other}' of {holder.Code}; {keeps}. Give each pack its own prefix.");
        }

        foreach (var (dataPath, file) in claim.DataFiles)
        {
            if (holder.DataFiles.FirstOrDefault(h => DataFiles.Clash(file, h.File, fileComparison)) is { DataPath: { } theirs, File: { } theirFile })
            {
                yield return ManifestChecks.Error(claim.Code, FindingCodes.DataPathDuplicate, "A data path is claimed by two packs.",
                    $"data_paths '{dataPath}' {DataFiles.Relation(file, theirFile, fileComparison)} {holder.Code}'s '{theirs}' (a database comes with its -wal, -shm and -journal files); {keeps}. "
                    + $"Each pack owns its files: give this one its own path, e.g. {claim.Code.ToLowerInvariant()}/{Path.GetFileName(DataFiles.DatabaseOf(dataPath))}.");
            }
        }
    }

    private static string Why(Claim holder, Claim loser) =>
        holder.Served < loser.Served
            ? holder.Served == ServedRank.Folder ? "it was serving" : $"it holds {holder.Code}, which was serving"
            : holder.Valid && !loser.Valid ? "its files are valid and this folder's are not"
            : $"neither was serving, and {holder.Folder} comes first in ordinal folder-name order";
}
