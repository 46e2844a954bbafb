using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Valhalla.Contracts.Access;
using Valhalla.Host.Http;
using Valhalla.Host.Mounting;
using Valhalla.Host.Web;

namespace Valhalla.Host.Access;

/// <summary>
/// Authenticates every request before any pack sees it, then checks its scope and pack restriction.
/// A key travels as <c>Authorization: Bearer vh_…</c> or <c>X-Api-Key: vh_…</c>, never in the URL.
/// Routes marked <see cref="IAllowAnonymous"/> (the health summary, the API reference) answer without
/// one. The accepted key becomes the request's <see cref="Caller"/>, which packs read.
/// A browser signed in to the web shell sends no key but the session cookie, which stands for its
/// key (checked again on every request, so revoking the key ends the session); a state-changing
/// request made with the cookie must carry an antiforgery token. A browser loading a page without
/// either is sent to the sign-in page; an API client still gets 401.
/// </summary>
internal sealed class AccessMiddleware(
    RequestDelegate next, KeyDirectory keys, FailureThrottle throttle, WebSessions sessions, IAntiforgery antiforgery, IOptions<AccessOptions> options)
{
    public const string ApiKeyHeader = "X-Api-Key";
    private const string BearerPrefix = "Bearer ";
    // The names clients commonly put keys under; "key" and "token" alone are left to packs, which may mean something else by them.
    private static readonly string[] QueryKeyNames = ["api_key", "apikey", "api-key", "x-api-key", "access_token"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (QueryKeyParameter(context.Request.Query) is { } parameter)
        {
            await ProblemResponses.WriteAsync(context, StatusCodes.Status400BadRequest, "API keys are not accepted in the URL.",
                $"Remove '{parameter}' from the query string: URLs end up in logs and browser history. Send the key as 'Authorization: Bearer <key>' or '{ApiKeyHeader}: <key>'.",
                parameter);
            return;
        }

        if (!options.Value.Enabled)
        {
            context.Features.Set(Caller.Unauthenticated);
            await next(context);
            return;
        }

        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        var endpoint = context.GetEndpoint();
        var anonymous = endpoint?.Metadata.GetMetadata<IAllowAnonymous>() is not null;
        var presented = PresentedKey(context.Request.Headers);
        var session = presented is null ? SessionKey(context) : null;
        if (presented is null && session is null && anonymous)
        {
            await next(context);
            return;
        }

        if (presented is null && session is null && BrowserRequests.WantsPage(context.Request))
        {
            context.Response.Redirect(BrowserRequests.SignInFor(context.Request));
            return;
        }

        if (throttle.Blocked(address) is { } wait)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ProblemResponses.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many failed attempts.",
                $"This address failed to authenticate too often; try again in {Math.Ceiling(wait.TotalSeconds)} seconds.");
            return;
        }

        var key = session ?? (presented is null ? null : await keys.AuthenticateAsync(presented, context.RequestAborted));
        if (key is null)
        {
            throttle.RecordFailure(address);
            context.Response.Headers.WWWAuthenticate = presented is null ? "Bearer" : "Bearer error=\"invalid_token\"";
            await ProblemResponses.WriteAsync(context, StatusCodes.Status401Unauthorized,
                presented is null ? "An API key is required." : "The API key is not valid.",
                presented is null
                    ? $"Send a key as 'Authorization: Bearer <key>' or '{ApiKeyHeader}: <key>'. The owner key is in owner.key in the data folder."
                    : "The key is unknown or was revoked.");
            return;
        }

        var needed = AccessPolicy.Needed(context.Request.Method, endpoint);
        var pack = endpoint?.Metadata.GetMetadata<PackEndpointMetadata>();
        if (!anonymous && AccessPolicy.Refusal(key, needed, context.Request.Method, pack) is { } refusal)
        {
            await ProblemResponses.WriteAsync(context, StatusCodes.Status403Forbidden, "The API key may not do this.", refusal);
            return;
        }

        if (session is not null && !IsSafe(context.Request.Method) && !await antiforgery.IsRequestValidAsync(context))
        {
            await ProblemResponses.WriteAsync(context, StatusCodes.Status400BadRequest, "The antiforgery token is missing or invalid.",
                "A request made with the browser session must carry the page's antiforgery token (the form's hidden field, or the X-CSRF-TOKEN header). Reload the page and try again.",
                "__RequestVerificationToken");
            return;
        }

        context.Features.Set(new Caller(key.Name, key.Scope));
        context.Features.Set(key);
        await next(context);
    }

    private ApiKey? SessionKey(HttpContext context)
    {
        if (SessionCookie.Read(context.Request) is not { } token)
        {
            return null;
        }

        if (sessions.KeyIdOf(token) is { } id && keys.Active(id) is { } key)
        {
            return key;
        }

        sessions.End(token);
        return null;
    }

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    private static string? PresentedKey(IHeaderDictionary headers)
    {
        var authorization = headers.Authorization.ToString();
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return authorization[BearerPrefix.Length..].Trim();
        }

        return headers.TryGetValue(ApiKeyHeader, out var apiKey) && !StringValues.IsNullOrEmpty(apiKey) ? apiKey.ToString().Trim() : null;
    }

    private static string? QueryKeyParameter(IQueryCollection query) =>
        query.FirstOrDefault(q => QueryKeyNames.Contains(q.Key, StringComparer.OrdinalIgnoreCase)
            || q.Value.Any(v => v?.StartsWith(ApiKeySecret.Prefix, StringComparison.Ordinal) == true)).Key;
}
