using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Valhalla.Host.Access;

namespace Valhalla.Host.Http;

/// <summary>
/// Declares how to send a key — a bearer token or the <c>X-Api-Key</c> header — and that every
/// operation takes one, so the API reference's Authorize button works.
/// </summary>
internal static class SecuritySchemes
{
    private const string Bearer = "bearer";
    private const string ApiKey = "api_key";

    public static OpenApiOptions AddKeySecurity(this OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "vh_…",
                Description = "A Valhalla API key. The owner key is in owner.key in the data folder; more with 'keys create' or POST /host/keys.",
            };
            document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = AccessMiddleware.ApiKeyHeader,
                Description = "The same key in a header of its own.",
            };
            document.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKey, document)] = [] },
            ];
            return Task.CompletedTask;
        });
}
