using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace Valhalla.Host.Web;

/// <summary>The vendored htmx and Pico and Valhalla's stylesheet, embedded in the host and served at <c>/host/assets/{file}</c>.</summary>
internal static class WebAssets
{
    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        ["htmx.min.js"] = "text/javascript; charset=utf-8",
        ["pico.min.css"] = "text/css; charset=utf-8",
        ["valhalla.css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, byte[]> Files = ContentTypes.Keys.ToFrozenDictionary(name => name, Read, StringComparer.Ordinal);

    public static IResult Serve(string file, HttpContext context)
    {
        if (!Files.TryGetValue(file, out var bytes))
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Bytes(bytes, ContentTypes[file]);
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(WebAssets).Assembly.GetManifestResourceStream($"Valhalla.Host.Web.Assets.{name}")
            ?? throw new InvalidOperationException($"The host was built without its web asset {name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
