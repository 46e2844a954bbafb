using System.Net;
using Microsoft.Extensions.Configuration;

namespace Valhalla.Host.Access;

/// <summary>The addresses the host is configured to listen on, and whether they are all loopback.</summary>
internal static class ListenAddresses
{
    /// <summary><c>urls</c> (from <c>--urls</c> or <c>ASPNETCORE_URLS</c>) and any <c>Kestrel:Endpoints:*:Url</c>.</summary>
    public static IReadOnlyList<string> From(IConfiguration configuration, string fallback)
    {
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls.Count > 0 ? urls : [fallback];
    }

    /// <summary>True when <paramref name="url"/> names localhost or a loopback address; false for wildcards and other hosts.</summary>
    public static bool IsLoopback(string url)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0 ? scheme + 3 : 0)..];
        var host = rest.StartsWith('[') ? rest[1..Math.Max(1, rest.IndexOf(']'))] : rest.Split(':', '/')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    public static bool AllLoopback(IEnumerable<string> urls) => urls.All(IsLoopback);
}
