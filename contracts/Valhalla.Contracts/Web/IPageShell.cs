using Microsoft.AspNetCore.Http;

namespace Valhalla.Contracts.Web;

/// <summary>
/// The host's web shell, offered to every pack (resolve it from the request's services): it wraps a
/// page a pack rendered in the host's document — navigation of every mounted pack's pages, sign-out,
/// stylesheet, htmx and the antiforgery token htmx sends. It takes and returns text only, so it holds
/// nothing of a pack after the call.
/// </summary>
public interface IPageShell
{
    /// <summary>
    /// The whole HTML document for a page titled <paramref name="title"/> whose main content is
    /// <paramref name="mainHtml"/>, which the pack has already encoded.
    /// </summary>
    string Render(HttpContext context, string title, string mainHtml);

    /// <summary>
    /// The same document as <see cref="Render"/>, split around its main content, for a page too large to
    /// join into one string (contracts 1.4). Sets the page's response headers, like <see cref="Render"/>:
    /// call it before the response starts.
    /// </summary>
    PageFrame Frame(HttpContext context, string title);

    /// <summary>The hidden field every form a page posts must carry; the host refuses a form posted with the session cookie without it.</summary>
    PageFormToken FormToken(HttpContext context);
}
