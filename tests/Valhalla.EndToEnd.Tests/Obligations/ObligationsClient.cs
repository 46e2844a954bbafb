using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Obligations;

/// <summary>Speaks the obligations and audit wire formats for tests.</summary>
internal static class ObligationsClient
{
    public static async Task<string> CreateMonthlyAsync(this HttpClient client, string name, decimal amount, int day, string start, string? bucketId = null)
    {
        var response = await client.PostAsJsonAsync("core/obligations", new
        {
            name,
            amount,
            bucket_id = bucketId,
            recurrence = new { frequency = "monthly", day, start_date = start },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    public static async Task<JsonObject> AuditAsync(this HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<JsonObject>($"core/audit{query}"))!;

    /// <summary>Waits until the audit trail holds <paramref name="count"/> events matching <paramref name="query"/>.</summary>
    public static Task<JsonObject> WaitForAuditAsync(this HttpClient client, int count, string query = "?limit=500") =>
        Eventually.WaitAsync(() => client.AuditAsync(query), page => (int)page["total"]! >= count, $"{count} audit events ({query})");

    public static async Task<int?> PendingEventsAsync(this HttpClient client, string code)
    {
        var health = await client.GetFromJsonAsync<JsonObject>("health");
        return (int?)health!["packs"]!.AsArray().Single(p => (string?)p!["code"] == code)!["pending_events"];
    }
}
