using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Access;

/// <summary>
/// Walks the OpenAPI document of a host serving every pack and calls each operation it lists:
/// no operation answers without a key, a read key changes nothing, a key restricted to one pack
/// reaches no other, and a revoked key stops working.
/// </summary>
public sealed class EveryOperationTests : IAsyncLifetime
{
    private readonly HostFolders _folders = new();
    private RunningHost _host = null!;
    private IReadOnlyList<(string Method, string Path)> _operations = [];

    public async Task InitializeAsync()
    {
        _folders.Drop(BuiltPacks.Registry);
        _folders.Drop(BuiltPacks.Budget);
        _folders.Drop(BuiltPacks.Transactions);

        // Many refused requests from one address in a minute would be slowed down; this test makes them on purpose.
        _host = await _folders.StartAsync("--Valhalla:Auth:FailuresPerMinute=100000");
        _operations = await OperationsAsync(_host.Client);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folders.Dispose();
    }

    [Fact]
    public void The_walk_covers_every_pack_and_the_host_routes()
    {
        var paths = _operations.Select(o => o.Path).ToList();
        Assert.Contains(paths, p => p.StartsWith("/core/budget/", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("/core/transactions", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("/core/packs", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("/host/keys", StringComparison.Ordinal));
        Assert.True(_operations.Count >= 15, $"only {_operations.Count} operations in the document");
    }

    [Fact]
    public async Task Without_a_key_every_operation_but_the_health_summary_is_401()
    {
        var anonymous = _host.ClientWith(null);

        foreach (var (method, path) in _operations.Where(o => o.Path != "/health"))
        {
            var response = await SendAsync(anonymous, method, path);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode} without a key");
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task The_health_summary_answers_without_a_key_and_shows_no_detail()
    {
        var health = await _host.ClientWith(null).GetFromJsonAsync<JsonObject>("health");

        Assert.Equal("healthy", (string?)health!["status"]);
        Assert.Null(health["packs"]);
        Assert.Equal(3, (await _host.Client.GetFromJsonAsync<JsonObject>("health"))!["packs"]!.AsArray().Count);
    }

    [Fact]
    public async Task With_a_read_key_no_write_succeeds()
    {
        var reader = _host.ClientWith(await _host.Client.CreateKeyAsync("reader", "read"));
        var bucket = await CreateBucketAsync();

        foreach (var (method, path) in _operations.Where(o => o.Method != "GET"))
        {
            var response = await SendAsync(reader, method, path.Replace("{bucket_id}", bucket, StringComparison.Ordinal));

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {(int)response.StatusCode} to a read key");
            var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.Matches("needs the '(write|admin)' scope", (string?)problem["detail"]);
        }

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"core/budget/buckets/{bucket}")).StatusCode);
        Assert.Single((await reader.GetFromJsonAsync<JsonArray>("core/budget/buckets"))!);
    }

    [Fact]
    public async Task A_key_restricted_to_one_pack_is_403_on_every_other_pack_and_on_host_routes()
    {
        var budgetOnly = _host.ClientWith(await _host.Client.CreateKeyAsync("budget-only", "write", "P-BUDGET-1"));

        foreach (var (method, path) in _operations.Where(o => o.Path != "/health"))
        {
            var response = await SendAsync(budgetOnly, method, path);

            if (path.StartsWith("/core/budget/", StringComparison.Ordinal))
            {
                Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{method} {path} refused the budget key");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {(int)response.StatusCode} to a key restricted to P-BUDGET-1");
            }
        }
    }

    [Fact]
    public async Task A_key_may_name_a_pack_by_tag()
    {
        var byTag = _host.ClientWith(await _host.Client.CreateKeyAsync("by-tag", "read", "budget"));

        Assert.Equal(HttpStatusCode.OK, (await byTag.GetAsync("core/budget/buckets")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await byTag.GetAsync("core/packs")).StatusCode);
    }

    [Fact]
    public async Task A_key_revoked_over_rest_is_401_at_once()
    {
        var phone = _host.ClientWith(await _host.Client.CreateKeyAsync("phone", "write"));
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("core/budget/buckets")).StatusCode);

        await _host.Client.RevokeKeyAsync("phone");

        var response = await phone.GetAsync("core/budget/buckets");
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.Single().Parameter);
    }

    private async Task<string> CreateBucketAsync()
    {
        var response = await _host.Client.PostAsJsonAsync("core/budget/buckets", new { name = "Groceries", bucket_type = "essentials", monthly_limit = 900 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private static async Task<IReadOnlyList<(string Method, string Path)>> OperationsAsync(HttpClient client)
    {
        var document = await client.GetFromJsonAsync<JsonObject>("openapi/v1.json");
        return [.. document!["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(operation => operation.Key is "get" or "post" or "put" or "patch" or "delete")
            .Select(operation => (operation.Key.ToUpperInvariant(), path.Key)))];
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        var url = path.TrimStart('/')
            .Replace("{month}", "2026-01", StringComparison.Ordinal)
            .Replace("{bucket_id}", "bk_000000000000", StringComparison.Ordinal)
            .Replace("{tx_id}", "tx_000000000000", StringComparison.Ordinal)
            .Replace("{code}", "P-BUDGET-1", StringComparison.Ordinal)
            .Replace("{name}", "nobody", StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method != "GET")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }
}
