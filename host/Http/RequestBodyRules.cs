using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using Valhalla.Host.Configuration;

namespace Valhalla.Host.Http;

/// <summary>
/// What a request body may be, checked before any endpoint runs: no larger than
/// <see cref="ValhallaOptions.MaxRequestBodyBytes"/>, or the limit the endpoint declares with
/// <see cref="IRequestSizeLimitMetadata"/> (a CSV import), (413, before it is read), and on a state-changing
/// request, of a content type the endpoint accepts — JSON unless it declares others — or 415. So a
/// cross-site form post or a text/plain body never reaches a handler. A request without a body needs
/// no content type.
/// </summary>
internal sealed class RequestBodyRules(RequestDelegate next, Microsoft.Extensions.Options.IOptions<ValhallaOptions> options)
{
    private static readonly string[] Json = ["application/json"];

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } endpointLimit)
        {
            limit = endpointLimit;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                // Kestrel holds a body sent without a length to the same number as it is read.
                bodySize.MaxRequestBodySize = endpointLimit;
            }
        }

        if (request.ContentLength > limit)
        {
            await ProblemResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
                $"The body is {request.ContentLength} bytes; at most {limit} are accepted.", "body");
            return;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && context.GetEndpoint() is { } endpoint && (request.ContentType is not null || HasBody(request)))
        {
            var accepted = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is { Count: > 0 } declared ? declared : Json;
            if (!Accepts(accepted, request.ContentType))
            {
                await ProblemResponses.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported content type.",
                    $"This route takes {string.Join(" or ", accepted)}; the request sent {request.ContentType ?? "a body without a content type"}.",
                    "Content-Type");
                return;
            }
        }

        await next(context);
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    private static bool Accepts(IReadOnlyList<string> accepted, string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var sent))
        {
            return false;
        }

        // application/problem+json and other +json types are JSON too.
        return accepted.Any(type => MediaTypeHeaderValue.TryParse(type, out var allowed)
            && (sent.IsSubsetOf(allowed) || (allowed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                && sent.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase) && sent.Type.Equals("application", StringComparison.OrdinalIgnoreCase))));
    }
}
