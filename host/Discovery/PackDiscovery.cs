using System.Text.Json;
using System.Text.Json.Serialization;
using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Discovery;

/// <summary>Finds pack folders (direct subfolders of the drop folder holding a <c>pack.json</c>) and reads their manifests.</summary>
public static class PackDiscovery
{
    public const string ManifestFile = "pack.json";

    private static readonly JsonSerializerOptions Strict = new()
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        // An unknown field is an error: a typo such as "route_prefx" must not silently drop a setting.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IReadOnlyList<DiscoveredPack> Discover(string dropFolder)
    {
        if (!Directory.Exists(dropFolder))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(dropFolder)
            .Where(folder => File.Exists(Path.Combine(folder, ManifestFile)))
            .Order(StringComparer.Ordinal)
            .Select(Read)];
    }

    /// <summary>Reads a manifest; the findings name the field that is wrong and the pack by <paramref name="packLabel"/>.</summary>
    public static ManifestReadResult ReadManifest(string json, string packLabel)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<PackManifest>(json, Strict);
            if (manifest is null)
            {
                return new ManifestReadResult(null, [Unreadable(packLabel, "the file holds JSON null instead of an object.")]);
            }

            return ManifestChecks.NullItem(manifest) is { } field
                ? new ManifestReadResult(null, [new Finding(packLabel, Severity.Error, FindingCodes.ManifestInvalid, "pack.json does not match the manifest schema.",
                    $"field '{field}' is null. Put a string there or remove the item.")])
                : new ManifestReadResult(manifest, []);
        }
        // The reader's syntax errors arrive wrapped; schema errors (missing or mistyped fields) do not.
        catch (JsonException ex) when (ex.InnerException is JsonException)
        {
            return new ManifestReadResult(null, [Unreadable(packLabel, ex.InnerException!.Message)]);
        }
        catch (JsonException ex)
        {
            return new ManifestReadResult(null, [Invalid(packLabel, ex)]);
        }
    }

    private static DiscoveredPack Read(string folder)
    {
        var name = Path.GetFileName(folder);
        string json;
        try
        {
            json = File.ReadAllText(Path.Combine(folder, ManifestFile));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file still being written or not readable by the host spoils this pack only.
            return new DiscoveredPack(folder, name, null, [Unreadable(name, ex.Message)]);
        }

        var (manifest, findings) = ReadManifest(json, name);
        return new DiscoveredPack(folder, name, manifest, findings);
    }

    private static Finding Unreadable(string pack, string reason) => new(pack, Severity.Error, FindingCodes.ManifestUnreadable,
        "pack.json is not valid JSON.",
        $"pack.json could not be parsed: {reason} Fix the JSON syntax.");

    private static Finding Invalid(string pack, JsonException ex)
    {
        var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? null : ex.Path.TrimStart('$', '.');
        var where = field is null ? "" : $"field '{field}': ";
        return new Finding(pack, Severity.Error, ex.Message.Contains("could not be mapped", StringComparison.Ordinal) ? FindingCodes.ManifestUnknownField : FindingCodes.ManifestInvalid,
            "pack.json does not match the manifest schema.",
            $"{where}{StripPathNote(ex.Message)} Required fields: code, name, version, module, router_symbol, route_prefix, contracts; optional: data_paths, requires, tags.");
    }

    private static string StripPathNote(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }
}
