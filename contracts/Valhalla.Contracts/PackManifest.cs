using System.Text.Json.Serialization;

namespace Valhalla.Contracts;

/// <summary>
/// A pack's manifest: the content of its <c>pack.json</c>, and the record the registry's REST API
/// takes. Field names are snake_case on the wire.
/// </summary>
public sealed record PackManifest
{
    /// <summary>Unique pack code, e.g. <c>P-BUDGET-1</c>.</summary>
    [JsonPropertyName("code")] public required string Code { get; init; }

    /// <summary>Human-readable name.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>The pack's own version, e.g. <c>1.0.0</c>.</summary>
    [JsonPropertyName("version")] public required string Version { get; init; }

    /// <summary>The assembly name; the file <c>module + ".dll"</c> must be in the pack folder.</summary>
    [JsonPropertyName("module")] public required string Module { get; init; }

    /// <summary>Full name of the entry type implementing <see cref="IPack"/>.</summary>
    [JsonPropertyName("router_symbol")] public required string RouterSymbol { get; init; }

    /// <summary>Where the pack's routes are mounted, e.g. <c>/core/budget</c>.</summary>
    [JsonPropertyName("route_prefix")] public required string RoutePrefix { get; init; }

    /// <summary>The contracts version the pack was built against, e.g. <c>1.0</c>.</summary>
    [JsonPropertyName("contracts")] public required string Contracts { get; init; }

    /// <summary>SQLite files the pack owns, relative to the data root.</summary>
    [JsonPropertyName("data_paths")] public IReadOnlyList<string> DataPaths { get; init; } = [];

    /// <summary>Codes of packs that must be loaded before this one.</summary>
    [JsonPropertyName("requires")] public IReadOnlyList<string> Requires { get; init; } = [];

    /// <summary>Free-form tags used for filtering, e.g. <c>budget</c>.</summary>
    [JsonPropertyName("tags")] public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Pages the pack renders for the host's web shell, listed in its navigation (optional; since contracts 1.3).</summary>
    [JsonPropertyName("pages")] public IReadOnlyList<PackPage> Pages { get; init; } = [];
}
