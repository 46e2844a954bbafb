using System.Text.Json.Serialization;

namespace Valhalla.Contracts;

/// <summary>
/// A page a pack lists in its manifest's <c>pages</c>: the host's web shell puts it in the navigation
/// while the pack is loaded. The pack renders it from its own route (HTML for browsers).
/// </summary>
public sealed record PackPage
{
    /// <summary>The page's absolute path, inside the pack's route prefix, e.g. <c>/core/budget/pages/month</c>.</summary>
    [JsonPropertyName("path")] public required string Path { get; init; }

    /// <summary>The link text in the navigation, e.g. <c>Budget</c>.</summary>
    [JsonPropertyName("title")] public required string Title { get; init; }

    /// <summary>Where the page sorts in the navigation, lowest first; ties sort by title.</summary>
    [JsonPropertyName("order")] public int Order { get; init; }
}
