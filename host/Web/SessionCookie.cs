using Microsoft.AspNetCore.Http;

namespace Valhalla.Host.Web;

/// <summary>The session cookie: HttpOnly, SameSite=Strict, Secure when the request came over HTTPS.</summary>
internal static class SessionCookie
{
    public const string Name = "vh_session";

    public static void Set(HttpContext context, string token) =>
        context.Response.Cookies.Append(Name, token, Options(context, WebSessions.Lifetime));

    public static void Delete(HttpContext context) => context.Response.Cookies.Delete(Name, Options(context, null));

    public static string? Read(HttpRequest request) => request.Cookies.TryGetValue(Name, out var token) && !string.IsNullOrEmpty(token) ? token : null;

    private static CookieOptions Options(HttpContext context, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        MaxAge = maxAge,
        IsEssential = true,
    };
}
