using Microsoft.AspNetCore.Http;
using Valhalla.Contracts.Access;
using Valhalla.Host.Mounting;

namespace Valhalla.Host.Access;

/// <summary>
/// What a route needs and whether a key has it: GET, HEAD and OPTIONS need read, every other method
/// write, and a route may ask for more (<see cref="RequiredScope"/>, never less). A key restricted to
/// packs reaches only routes of packs whose code or tags it names, and no host route.
/// </summary>
internal static class AccessPolicy
{
    public static AccessScope Needed(string method, Endpoint? endpoint)
    {
        var byMethod = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            ? AccessScope.Read
            : AccessScope.Write;
        var declared = endpoint?.Metadata.GetOrderedMetadata<RequiredScope>() ?? [];
        return declared.Select(r => r.Scope).Append(byMethod).Max();
    }

    /// <summary>Why <paramref name="key"/> may not make this request, or null when it may.</summary>
    public static string? Refusal(ApiKey key, AccessScope needed, string method, PackEndpointMetadata? pack)
    {
        if (key.Scope < needed)
        {
            return $"This request ({method}) needs the '{KeyStore.ScopeText(needed)}' scope; the key '{key.Name}' has '{KeyStore.ScopeText(key.Scope)}'.";
        }

        if (key.Packs.Count == 0)
        {
            return null;
        }

        var names = string.Join(", ", key.Packs);
        if (pack is null)
        {
            return $"The key '{key.Name}' is restricted to packs ({names}); host routes need a key without a pack restriction.";
        }

        return key.Packs.Any(p => p.Equals(pack.PackCode, StringComparison.OrdinalIgnoreCase) || pack.Tags.Contains(p, StringComparer.OrdinalIgnoreCase))
            ? null
            : $"The key '{key.Name}' is restricted to packs ({names}); this route belongs to {pack.PackCode}.";
    }
}
