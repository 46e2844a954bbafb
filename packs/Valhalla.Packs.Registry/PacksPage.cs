using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Valhalla.Contracts;
using Valhalla.Contracts.Access;
using Valhalla.Contracts.Catalog;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Registry;

/// <summary>The packs page: every pack of the host's report with status, version, routes and findings; reload for admins.</summary>
public static class PacksPage
{
    public const string Path = "/pages/packs";
    public const string FullPath = "/core/packs" + Path;

    public static IEndpointRouteBuilder MapPacksPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, Show).ExcludeFromDescription();
        routes.MapPost(Path + "/{code}/reload", Reload).ExcludeFromDescription().AcceptsForm().RequireScope(AccessScope.Admin);
        return routes;
    }

    private static IResult Show(HttpContext context, IPackCatalog catalog, string? reloaded) =>
        PageResults.Page(context, "Packs", Render(context, catalog.Current, reloaded is null ? null : (reloaded, null)));

    private static async Task<IResult> Reload(HttpContext context, RegistryService registry, IPackCatalog catalog, string code, CancellationToken ct)
    {
        try
        {
            await registry.ReloadAsync(code, ct);
            return PageResults.SeeOther($"{FullPath}?reloaded={Uri.EscapeDataString(code)}");
        }
        catch (PackProblemException problem)
        {
            return PageResults.Page(context, "Packs", Render(context, catalog.Current, (code, problem.Message)), problem.Status);
        }
    }

    public static HtmlBuilder Render(HttpContext context, ValidationReport report, (string Code, string? Error)? outcome)
    {
        var admin = context.GetCaller()?.Has(AccessScope.Admin) ?? false;
        var html = new HtmlBuilder().Element("h1", "Packs")
            .Element("p", $"{report.Packs.Count} packs in the drop folder; contracts {report.ContractsVersion}.", ("class", "muted"));
        if (outcome is { Error: null } done)
        {
            html.Element("p", $"{done.Code} reloaded.", ("role", "status"), ("class", "banner-ok"));
        }

        foreach (var pack in report.Packs.OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            html.Open("article", ("data-pack", pack.Code), ("data-status", pack.Status.ToString().ToLowerInvariant()))
                .Open("header").Element("h2", $"{pack.Code} {pack.Manifest?.Version}")
                .Element("p", $"{pack.Manifest?.Name ?? pack.Folder} — {pack.Status.ToString().ToLowerInvariant()}, {pack.LoadMs.ToString("0.#", CultureInfo.InvariantCulture)} ms")
                .Close("header");
            if (pack.Routes.Count > 0)
            {
                html.Open("details").Element("summary", $"{pack.Routes.Count} routes").Open("ul");
                foreach (var route in pack.Routes)
                {
                    html.Open("li").Element("code", route).Close("li");
                }

                html.Close("ul").Close("details");
            }

            if (pack.Findings.Count > 0)
            {
                html.Open("ul", ("class", "findings"));
                foreach (var finding in pack.Findings)
                {
                    html.Open("li", ("data-severity", finding.Severity.ToString().ToLowerInvariant()))
                        .Element("strong", $"{finding.Severity.ToString().ToLowerInvariant()} {finding.Code}: ").Text(finding.Title).Text(" ").Text(finding.Detail)
                        .Close("li");
                }

                html.Close("ul");
            }

            if (admin)
            {
                html.Open("form", ("method", "post"), ("action", $"{FullPath}/{pack.Code}/reload"), ("class", "inline-form"))
                    .FormToken(context).Element("button", "Reload", ("type", "submit"), ("class", "secondary outline"), ("aria-label", $"Reload {pack.Code}"));
                if (outcome is { Error: { } error } failed && failed.Code == pack.Code)
                {
                    html.Element("small", error, ("class", "field-error"), ("role", "alert"));
                }

                html.Close("form");
            }

            html.Close("article");
        }

        return html;
    }
}
