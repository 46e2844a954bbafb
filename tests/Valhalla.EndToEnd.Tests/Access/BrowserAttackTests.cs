using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Valhalla.EndToEnd.Tests.Transactions;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Access;

/// <summary>What a web page in the user's browser could try against a host on loopback.</summary>
public sealed class BrowserAttackTests() : HostTest(BuiltPacks.Budget, BuiltPacks.Transactions)
{
    [Fact]
    public async Task A_foreign_host_header_is_400_even_with_a_key()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "core/budget/buckets");
        request.Headers.Host = "evil.example";

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task Loopback_host_names_are_served(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "core/budget/buckets");
        request.Headers.Host = $"{host}:{Host.Address.Port}";

        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "name=Groceries&bucket_type=essentials&monthly_limit=900")]
    [InlineData("text/plain", "{\"name\":\"Groceries\",\"bucket_type\":\"essentials\",\"monthly_limit\":900}")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nGroceries\r\n--x--\r\n")]
    public async Task A_post_that_is_not_json_is_415_and_creates_nothing(string contentType, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var response = await Client.PostAsync("core/budget/buckets", content);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.NotNull(problem["errors"]!["Content-Type"]);
        Assert.Empty((await Client.GetFromJsonAsync<JsonArray>("core/budget/buckets"))!);
    }

    [Fact]
    public async Task A_form_post_to_void_is_415_and_the_transaction_stays_posted()
    {
        var bucket = await Client.CreateBucketAsync("Groceries", "essentials", 900);
        var posted = await Client.PostOkAsync(new { tx_type = "expense", amount = 12.5, date = "2026-01-05", description = "bread", bucket_id = bucket });
        var id = (string)posted["id"]!;

        var response = await Client.PostAsync($"core/transactions/{id}/void", new FormUrlEncodedContent([new("reason", "x")]));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("posted", (string?)(await Client.GetFromJsonAsync<JsonObject>($"core/transactions/{id}"))!["status"]);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_creates_nothing()
    {
        var notes = new string('x', 2 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "core/budget/buckets")
        {
            Content = JsonContent.Create(new { name = "Big", bucket_type = "fun", monthly_limit = 1, notes }),
        };
        await request.Content.LoadIntoBufferAsync(); // sends a Content-Length, as curl does for a file

        // As curl does for large bodies: the host answers before the body is sent, so it is never read.
        request.Headers.ExpectContinue = true;
        var response = await Client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty((await Client.GetFromJsonAsync<JsonArray>("core/budget/buckets"))!);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "core/budget/buckets") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty((await Client.GetFromJsonAsync<JsonArray>("core/budget/buckets"))!);
    }

    [Fact]
    public async Task Answers_tell_browsers_not_to_sniff_content_types()
    {
        var ok = await Client.GetAsync("core/budget/buckets");
        var refused = await Host.ClientWith(null).GetAsync("core/budget/buckets");

        Assert.Equal("nosniff", ok.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("nosniff", refused.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("api_key")]
    [InlineData("access_token")]
    public async Task A_key_in_the_query_string_is_400_saying_why(string parameter)
    {
        var response = await Host.ClientWith(null).GetAsync($"core/budget/buckets?{parameter}={Host.OwnerKey}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("URL", (string?)problem["title"]);
        Assert.NotNull(problem["errors"]![parameter]);
    }

    [Fact]
    public async Task A_key_under_any_query_name_is_400()
    {
        var response = await Client.GetAsync($"core/budget/buckets?q={Host.OwnerKey}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["q"]);
    }

    [Fact]
    public async Task Query_names_packs_may_use_for_other_things_are_left_to_them()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("core/budget/buckets?token=page-2&key=name")).StatusCode);
    }

    [Fact]
    public async Task The_key_is_also_accepted_as_an_x_api_key_header()
    {
        var client = Host.ClientWith(null);
        client.DefaultRequestHeaders.Add("X-Api-Key", Host.OwnerKey);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("core/budget/buckets")).StatusCode);
    }
}
