using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts.Web;

namespace Valhalla.Packs.Kit;

/// <summary>
/// How a pack answers a browser: a page wrapped in the host's shell (<see cref="IPageShell"/>), or, for
/// an htmx request, only the fragment it asked for. Without a shell (a unit test's own host) a page is
/// a bare document.
/// </summary>
public static class PageResults
{
    private const string HtmlType = "text/html; charset=utf-8";

    /// <summary>True when htmx made the request (it swaps a fragment into the page).</summary>
    public static bool IsHtmx(HttpRequest request) => request.Headers["HX-Request"] == "true";

    /// <summary>
    /// A whole page titled <paramref name="title"/>, with <paramref name="main"/> as its content. The page is
    /// written to the response piece by piece: joined into one string, a page of some 40,000 characters
    /// lands on the large object heap and, allocated on every request, makes every collection a full one.
    /// </summary>
    public static IResult Page(HttpContext context, string title, HtmlBuilder main, int statusCode = StatusCodes.Status200OK)
    {
        var frame = context.RequestServices.GetService<IPageShell>()?.Frame(context, title)
            ?? new PageFrame(new HtmlBuilder().Open("html").Open("head").Element("title", title).Close("head").Open("body").Open("main").ToString(), "</main></body></html>");
        return new HtmlResult(frame.Head, main, frame.Tail, statusCode);
    }

    /// <summary>An HTML fragment, for htmx to swap in.</summary>
    public static IResult Fragment(HtmlBuilder html, int statusCode = StatusCodes.Status200OK) =>
        new HtmlResult("", html, "", statusCode);

    /// <summary>After a form post without htmx: back to <paramref name="path"/> (303, so a reload does not post again).</summary>
    public static IResult SeeOther(string path) => new SeeOtherResult(path);

    /// <summary>Writes the hidden antiforgery input a form needs (nothing without a shell).</summary>
    public static HtmlBuilder FormToken(this HtmlBuilder html, HttpContext context) =>
        context.RequestServices.GetService<IPageShell>()?.FormToken(context) is { } token
            ? html.Void("input", ("type", "hidden"), ("name", token.FieldName), ("value", token.Value))
            : html;

    /// <summary>Declares that a page route takes HTML forms, which the host otherwise refuses (415).</summary>
    public static RouteHandlerBuilder AcceptsForm(this RouteHandlerBuilder route) =>
        route.WithMetadata(new AcceptsMetadata(["application/x-www-form-urlencoded", "multipart/form-data"]));

    private sealed class HtmlResult(string before, HtmlBuilder html, string after, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = statusCode;
            httpContext.Response.ContentType = HtmlType;
            return html.WriteToAsync(httpContext.Response.BodyWriter, before, after, httpContext.RequestAborted);
        }
    }

    private sealed class SeeOtherResult(string path) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = path;
            return Task.CompletedTask;
        }
    }
}
