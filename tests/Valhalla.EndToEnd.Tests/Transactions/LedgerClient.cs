using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Valhalla.EndToEnd.Tests.Transactions;

/// <summary>Speaks the transactions and budget wire formats for tests.</summary>
internal static class LedgerClient
{
    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "core/transactions") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonObject> PostOkAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsync(body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<string> CreateBucketAsync(this HttpClient client, string name, string type, decimal limit, string priority = "B")
    {
        var response = await client.PostAsJsonAsync("core/budget/buckets", new { name, bucket_type = type, monthly_limit = limit, priority });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    public static async Task<JsonObject> BucketMonthAsync(this HttpClient client, string month, string bucketId)
    {
        var snapshot = await client.GetFromJsonAsync<JsonObject>($"core/budget/months?month={month}");
        return snapshot!["buckets"]!.AsArray().Single(b => (string?)b!["bucket_id"] == bucketId)!.AsObject();
    }

    public static async Task<int> TotalAsync(this HttpClient client, string query = "") =>
        (int)(await client.GetFromJsonAsync<JsonObject>($"core/transactions{query}"))!["total"]!;
}
