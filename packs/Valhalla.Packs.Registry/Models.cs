using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;

namespace Valhalla.Packs.Registry;

/// <summary>A pack as the registry stores it.</summary>
public sealed record RegisteredPack
{
    public required string Id { get; init; }

    public required string Code { get; init; }

    public required string Manifest { get; init; }

    public required string Source { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A pack on the wire: its manifest, where it came from, and what the host did with it.</summary>
public sealed record PackEntry(
    string? Id,
    string Code,
    string Name,
    string? Version,
    PackStatus Status,
    string Source,
    string? Folder,
    string? RoutePrefix,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Requires,
    IReadOnlyList<string> DataPaths,
    IReadOnlyList<string> Routes,
    double? LoadMs,
    IReadOnlyList<Finding> Errors,
    IReadOnlyList<Finding> Warnings,
    DateTimeOffset? RegisteredAt,
    DateTimeOffset? UpdatedAt);

/// <summary><c>GET /core/packs</c>: one page of the packs, and how many there are in all.</summary>
public sealed record PackList(IReadOnlyList<PackEntry> Items, int Total, int Limit, int Offset);

/// <summary><c>GET /core/packs/validate</c>, in the seed's shape.</summary>
public sealed record ValidationSummary(bool Ok, IReadOnlyList<Finding> Errors, IReadOnlyList<Finding> Warnings, int Checked);

/// <summary>How a registration went.</summary>
public enum RegistrationOutcome
{
    Created,
    Unchanged,
    Conflict,
}

/// <summary>The outcome of <c>POST /core/packs</c> with the stored entry, or what conflicts.</summary>
public sealed record Registration(RegistrationOutcome Outcome, PackEntry? Entry, IReadOnlyList<string> ConflictingFields);

/// <summary>The source values stored in <c>packs.source</c>.</summary>
public static class PackSources
{
    public const string Discovered = "discovered";
    public const string Api = "api";
}

/// <summary>The canonical JSON of a manifest, so "the same content" means the same text.</summary>
internal static class ManifestJson
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static string Write(PackManifest manifest) => System.Text.Json.JsonSerializer.Serialize(manifest, Options);

    public static PackManifest Read(string json) => System.Text.Json.JsonSerializer.Deserialize<PackManifest>(json, Options)!;
}

/// <summary>The query string of <c>GET /core/packs</c> as sent, bound with <c>[AsParameters]</c>; the Api parses it into a <see cref="PackFilter"/>.</summary>
public sealed record PackQuery
{
    [FromQuery(Name = "tag")]
    public string? Tag { get; init; }

    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    [FromQuery(Name = "offset")]
    public int? Offset { get; init; }
}

/// <summary>A parsed <see cref="PackQuery"/>: the tag to match (null: any) and the page.</summary>
public sealed record PackFilter(string? Tag, PackPage Page);
