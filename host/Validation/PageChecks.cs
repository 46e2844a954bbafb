using System.Text.RegularExpressions;
using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;

namespace Valhalla.Host.Validation;

/// <summary>
/// Checks of a manifest's <c>pages</c>: each path lies inside the pack's route prefix (so a pack cannot
/// put a link to another pack's or the host's routes in the shell), is well-formed, and is listed once;
/// each title is short text.
/// </summary>
internal static partial class PageChecks
{
    public const int MaxTitleLength = 40;

    public static IEnumerable<Finding> Check(PackManifest manifest)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var at = 0; at < manifest.Pages.Count; at++)
        {
            var page = manifest.Pages[at];
            if (page is null || page.Path is null || page.Title is null)
            {
                yield return ManifestChecks.Error(manifest.Code, FindingCodes.ManifestInvalid, "The manifest has a null page.",
                    $"field 'pages[{at}]' is null or lacks its path or title. Give every page a path and a title, or remove it.");
                continue;
            }

            if (!PathPattern().IsMatch(page.Path) || page.Path.Split('/').Any(segment => segment is "." or "..")
                || !page.Path.StartsWith(manifest.RoutePrefix + "/", StringComparison.Ordinal))
            {
                yield return ManifestChecks.Error(manifest.Code, FindingCodes.PagePathInvalid, "A page lies outside the pack's routes.",
                    $"pages[{at}].path '{page.Path}' must be a path inside route_prefix '{manifest.RoutePrefix}', e.g. {manifest.RoutePrefix}/pages/home, of lower-case segments without parameters or a query.");
            }
            else if (!seen.Add(page.Path))
            {
                yield return ManifestChecks.Error(manifest.Code, FindingCodes.PagePathInvalid, "A page is listed twice.",
                    $"pages[{at}].path '{page.Path}' is already listed; list each page once.");
            }

            if (string.IsNullOrWhiteSpace(page.Title) || page.Title.Length > MaxTitleLength || page.Title.Any(char.IsControl))
            {
                yield return ManifestChecks.Error(manifest.Code, FindingCodes.PageTitleInvalid, "A page title is not short text.",
                    $"pages[{at}].title must be 1 to {MaxTitleLength} characters without control characters; it is the link text in the navigation.");
            }
        }
    }

    [GeneratedRegex(@"^(/[a-z0-9._-]+)+$")]
    private static partial Regex PathPattern();
}
