using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Hosting;

/// <summary>The OpenAPI document over the real packs, as a user of the shipped host gets it.</summary>
public sealed class OpenApiTests() : HostTest(BuiltPacks.Registry, BuiltPacks.Budget, BuiltPacks.Transactions)
{
    [Fact]
    public async Task The_document_describes_every_packs_routes_and_the_hosts()
    {
        var document = await Client.GetFromJsonAsync<JsonObject>("openapi/v1.json");

        var paths = document!["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/core/packs", paths);
        Assert.Contains("/core/packs/validate", paths);
        Assert.Contains("/core/budget/buckets/{bucket_id}", paths);
        Assert.Contains("/core/budget/months/{month}/allocate/{bucket_id}", paths);
        Assert.Contains("/core/transactions/{tx_id}/void", paths);
        Assert.Contains("/health", paths);
    }

    [Fact]
    public async Task Money_and_months_are_described_as_they_travel()
    {
        var schemas = (await Client.GetFromJsonAsync<JsonObject>("openapi/v1.json"))!["components"]!["schemas"]!;

        Assert.Equal("number", (string?)schemas["Money"]!["type"]);
        Assert.Equal(0.01m, (decimal)schemas["Money"]!["multipleOf"]!);
        Assert.Equal("string", (string?)schemas["Month"]!["type"]);
    }

    [Fact]
    public async Task The_document_declares_how_to_send_a_key_and_loads_without_one()
    {
        var document = await Host.ClientWith(null).GetFromJsonAsync<JsonObject>("openapi/v1.json");

        var schemes = document!["components"]!["securitySchemes"]!;
        Assert.Equal("http", (string?)schemes["bearer"]!["type"]);
        Assert.Equal("bearer", (string?)schemes["bearer"]!["scheme"]);
        Assert.Equal("X-Api-Key", (string?)schemes["api_key"]!["name"]);
        Assert.Contains(document["security"]!.AsArray(), requirement => requirement!.AsObject().ContainsKey("bearer"));
    }
}
