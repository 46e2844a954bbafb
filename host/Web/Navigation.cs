using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Access;

namespace Valhalla.Host.Web;

/// <summary>
/// The shell's navigation, built per request from the packs loaded now (so a pack's pages come and go
/// with it), showing only packs the caller's key may reach.
/// </summary>
internal static class Navigation
{
    public static IReadOnlyList<PackPage> For(ValidationReport report, ApiKey? key) =>
        [.. report.Packs
            .Where(p => p.Status == PackStatus.Loaded && p.Manifest is not null && Reaches(key, p.Manifest))
            .SelectMany(p => p.Manifest!.Pages)
            .OrderBy(page => page.Order)
            .ThenBy(page => page.Title, StringComparer.CurrentCultureIgnoreCase)];

    private static bool Reaches(ApiKey? key, PackManifest manifest) =>
        key is null || key.Packs.Count == 0
        || key.Packs.Any(p => p.Equals(manifest.Code, StringComparison.OrdinalIgnoreCase) || manifest.Tags.Contains(p, StringComparer.OrdinalIgnoreCase));
}
