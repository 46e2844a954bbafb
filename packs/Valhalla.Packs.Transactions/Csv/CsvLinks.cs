using System.Text.Json;
using System.Text.Json.Serialization;
using Valhalla.Contracts;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>
/// The <c>links</c> cell of a CSV row: the JSON object an export writes (<c>{"obligation_id":"ob_…"}</c>),
/// read strictly — an unknown key is a typo that would silently drop a link, so it is an error.
/// </summary>
public static class CsvLinks
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The links of <paramref name="cell"/>; null for an empty cell or an object without ids.</summary>
    public static TxLinks? Parse(string? cell)
    {
        if (cell is null)
        {
            return null;
        }

        TxLinks? links;
        try
        {
            links = JsonSerializer.Deserialize<TxLinks>(cell, Json);
        }
        catch (JsonException)
        {
            throw PackProblemException.BadField("links", $"'{cell}' is not a JSON object of links, e.g. {{\"obligation_id\":\"ob_…\"}} (keys obligation_id, flow_id, replacement_id, deal_id).");
        }

        if (links is null || links == new TxLinks())
        {
            return null;
        }

        return new[] { links.ObligationId, links.FlowId, links.ReplacementId, links.DealId }.Any(id => id is { Length: > 200 })
            ? throw PackProblemException.BadField("links", "each id must be at most 200 characters.")
            : links;
    }
}
