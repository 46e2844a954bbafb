using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Valhalla.Contracts.Access;
using Valhalla.Contracts.Catalog;
using Valhalla.Contracts.Web;
using Valhalla.Host.Access;

namespace Valhalla.Host.Web;

/// <summary>The host's <see cref="IPageShell"/>: wraps the host's own pages and every pack's in the same document.</summary>
internal sealed class PageShell(IPackCatalog catalog, IAntiforgery antiforgery) : IPageShell
{
    public string Render(HttpContext context, string title, string mainHtml)
    {
        var frame = Frame(context, title);
        return string.Concat(frame.Head, mainHtml, frame.Tail);
    }

    public PageFrame Frame(HttpContext context, string title)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Headers.ContentSecurityPolicy = ShellHtml.Csp;
        context.Response.Headers.CacheControl = "no-store";
        var pages = Navigation.For(catalog.Current, context.Features.Get<ApiKey>());
        return new PageFrame(ShellHtml.Head(title, context.Request.Path, pages, context.GetCaller(), tokens.FormFieldName, tokens.RequestToken!), ShellHtml.Tail);
    }

    public PageFormToken FormToken(HttpContext context)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new PageFormToken(tokens.FormFieldName, tokens.RequestToken!);
    }
}
