using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Valhalla.Contracts.Access;
using Valhalla.Contracts.Catalog;
using Valhalla.Contracts.Web;
using Valhalla.Host.Access;

namespace Valhalla.Host.Web;

/// <summary>
/// The web shell's own routes: the home page at <c>/</c>, sign-in and sign-out, and the static assets.
/// They are open to anonymous requests at the door (so a key restricted to packs still reaches them);
/// each decides itself what an anonymous browser sees.
/// </summary>
internal static class ShellApi
{
    private static readonly AcceptsMetadata Forms = new(["application/x-www-form-urlencoded", "multipart/form-data"]);

    public static IEndpointRouteBuilder MapShell(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Home).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(BrowserRequests.SignInPath, SignInPage).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(BrowserRequests.SignInPath, SignIn).AllowAnonymous().ExcludeFromDescription().WithMetadata(Forms);
        app.MapPost("/host/sign-out", SignOut).AllowAnonymous().ExcludeFromDescription().WithMetadata(Forms);
        app.MapGet("/host/assets/{file}", WebAssets.Serve).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult Home(HttpContext context, IPageShell shell, IPackCatalog catalog)
    {
        if (context.GetCaller() is null)
        {
            return Results.Redirect(BrowserRequests.SignInFor(context.Request));
        }

        var pages = Navigation.For(catalog.Current, context.Features.Get<ApiKey>());
        var main = new System.Text.StringBuilder("<h1>Household</h1>");
        if (pages.Count == 0)
        {
            main.Append("<p>No pack with pages is loaded. Drop one into the packs folder; its pages appear here on the next page load.</p>");
        }
        else
        {
            main.Append("<ul class=\"home-pages\">");
            foreach (var page in pages)
            {
                main.Append("<li><a href=\"").Append(ShellHtml.Encode(page.Path)).Append("\">").Append(ShellHtml.Encode(page.Title)).Append("</a></li>");
            }

            main.Append("</ul>");
        }

        main.Append("<p class=\"muted\">Programs talk to the same data through the <a href=\"/scalar/v1\">API reference</a>.</p>");
        return Html(shell.Render(context, "Home", main.ToString()));
    }

    private static IResult SignInPage(HttpContext context, IPageShell shell, string? @return) =>
        Html(shell.Render(context, "Sign in", SignInForm(shell.FormToken(context), BrowserRequests.LocalOrHome(@return), null)));

    private static async Task<IResult> SignIn(
        HttpContext context, IPageShell shell, IAntiforgery antiforgery, KeyDirectory keys, WebSessions sessions, FailureThrottle throttle)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var back = BrowserRequests.LocalOrHome(form["return"]);
        IResult Refused(int status, string error) =>
            Html(shell.Render(context, "Sign in", SignInForm(shell.FormToken(context), back, error)), status);

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Refused(StatusCodes.Status400BadRequest, "The form expired. Paste the key again.");
        }

        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        if (throttle.Blocked(address) is { } wait)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Refused(StatusCodes.Status429TooManyRequests, $"Too many failed attempts from this address; try again in {Math.Ceiling(wait.TotalSeconds)} seconds.");
        }

        var presented = form["key"].ToString().Trim();
        var key = presented.Length == 0 ? null : await keys.AuthenticateAsync(presented, context.RequestAborted);
        if (key is null)
        {
            throttle.RecordFailure(address);
            return Refused(StatusCodes.Status401Unauthorized, presented.Length == 0
                ? "Paste a key: the owner key is in owner.key in the data folder."
                : "This key is unknown or was revoked.");
        }

        SessionCookie.Set(context, sessions.Start(key.Id));
        return new SeeOther(back);
    }

    private static IResult SignOut(HttpContext context, WebSessions sessions)
    {
        if (SessionCookie.Read(context.Request) is { } token)
        {
            sessions.End(token);
        }

        SessionCookie.Delete(context);
        return new SeeOther(BrowserRequests.SignInPath);
    }

    private static string SignInForm(PageFormToken token, string back, string? error)
    {
        var invalid = error is null ? "" : " aria-invalid=\"true\" aria-describedby=\"key-error\"";
        return "<article><h1>Sign in</h1><form method=\"post\" action=\"" + BrowserRequests.SignInPath + "\">"
            + $"<input type=\"hidden\" name=\"{ShellHtml.Encode(token.FieldName)}\" value=\"{ShellHtml.Encode(token.Value)}\">"
            + $"<input type=\"hidden\" name=\"return\" value=\"{ShellHtml.Encode(back)}\">"
            + "<label for=\"key\">API key</label>"
            + $"<input id=\"key\" name=\"key\" type=\"password\" autocomplete=\"current-password\" required placeholder=\"vh_…\"{invalid}>"
            + (error is null ? "" : $"<small id=\"key-error\" class=\"field-error\">{ShellHtml.Encode(error)}</small>")
            + "<button type=\"submit\">Sign in</button></form>"
            + "<p class=\"muted\">Use the owner key (owner.key in the data folder) or a key made with the <code>keys create</code> command. "
            + "The session can do what the key can, and ends when you sign out or the key is revoked.</p></article>";
    }

    private static IResult Html(string html, int status = StatusCodes.Status200OK) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    private sealed class SeeOther(string path) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = path;
            return Task.CompletedTask;
        }
    }
}
