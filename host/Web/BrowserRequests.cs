using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Valhalla.Host.Web;

/// <summary>Tells a browser's page load from an API call, and where it may be sent back after sign-in.</summary>
internal static class BrowserRequests
{
    public const string SignInPath = "/host/sign-in";

    /// <summary>A GET or HEAD whose Accept names HTML first-class: a browser navigating, not an API client (which sends JSON or */*).</summary>
    public static bool WantsPage(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.Headers["HX-Request"] != "true"
        && MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>The sign-in page, coming back to this request's path and query afterwards.</summary>
    public static string SignInFor(HttpRequest request) =>
        $"{SignInPath}?return={Uri.EscapeDataString(request.Path + request.QueryString)}";

    /// <summary><paramref name="path"/> when it is a path on this host, else <c>/</c>: sign-in never sends a browser elsewhere.</summary>
    public static string LocalOrHome(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\')) && !path.Any(char.IsControl)
            ? path
            : "/";
}
