using Microsoft.AspNetCore.Builder;

namespace Valhalla.Host.Http;

/// <summary>Headers every answer carries: browsers must not guess a content type (a JSON answer is never run as a script or page).</summary>
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return next(context);
        });
}
