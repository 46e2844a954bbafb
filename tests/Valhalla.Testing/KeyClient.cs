using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Valhalla.Testing;

/// <summary>Creates and revokes API keys through the host's <c>/host/keys</c> routes, with an admin client.</summary>
public static class KeyClient
{
    /// <summary>Creates a key and returns its secret.</summary>
    public static async Task<string> CreateKeyAsync(this HttpClient admin, string name, string scope, params string[] packs)
    {
        var response = await admin.PostAsJsonAsync("host/keys", new { name, scope, packs });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["key"]!;
    }

    public static async Task RevokeKeyAsync(this HttpClient admin, string name)
    {
        var response = await admin.PostAsync($"host/keys/{name}/revoke", content: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
