using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Transactions;

/// <summary>The ledger loaded alone: no budget (bucket ids unchecked), no obligations provider (nothing gated).</summary>
public sealed class AloneTests() : HostTest(BuiltPacks.Transactions)
{
    [Fact]
    public async Task Posting_works_without_the_budget_and_bucket_ids_are_not_checked()
    {
        var posted = await Client.PostOkAsync(new
        {
            tx_type = "expense",
            amount = 19.99,
            date = "2026-03-31",
            description = "Cinema",
            bucket_id = "bk_abcdefabcdef",
            priority = "D",
            links = new { deal_id = "deal-7" },
        });

        var stored = await Client.GetFromJsonAsync<JsonObject>($"core/transactions/{posted["id"]}");

        Assert.Equal(19.99m, (decimal)stored!["amount"]!);
        Assert.Equal("2026-03-31", (string?)stored["date"]);
        Assert.Equal("bk_abcdefabcdef", (string?)stored["bucket_id"]);
        Assert.Equal("D", (string?)stored["priority"]);
        Assert.Equal("deal-7", (string?)stored["links"]!["deal_id"]);
        Assert.Equal((string?)stored["created_at"], (string?)posted["created_at"]);
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_makes_one_row_and_returns_the_original()
    {
        var body = new { tx_type = "expense", amount = 12, date = "2026-01-05" };

        var first = await Client.PostAsync(body, "key-1");
        var second = await Client.PostAsync(body, "key-1");
        var other = await Client.PostAsync(body with { }, "key-2");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((string?)(await first.Content.ReadFromJsonAsync<JsonObject>())!["id"], (string?)(await second.Content.ReadFromJsonAsync<JsonObject>())!["id"]);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal(2, await Client.TotalAsync());
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_make_one_row()
    {
        var body = new { tx_type = "income", amount = 100, date = "2026-01-05" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Client.PostAsync(body, "retry-storm")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode));
        Assert.Equal(1, await Client.TotalAsync());
    }

    [Fact]
    public async Task Reusing_a_key_for_a_different_request_is_422_and_writes_nothing()
    {
        await Client.PostAsync(new { tx_type = "expense", amount = 12, date = "2026-01-05" }, "key-1");

        var reused = await Client.PostAsync(new { tx_type = "expense", amount = 13, date = "2026-01-05" }, "key-1");

        await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, await Client.TotalAsync());
    }

    public static TheoryData<string, string, string> BadPosts => new()
    {
        { "negative amount", """{"tx_type":"expense","amount":-5,"date":"2026-01-05"}""", "amount" },
        { "zero amount", """{"tx_type":"expense","amount":0,"date":"2026-01-05"}""", "amount" },
        { "three decimals", """{"tx_type":"expense","amount":1.005,"date":"2026-01-05"}""", "amount" },
        { "amount as text", """{"tx_type":"expense","amount":"5","date":"2026-01-05"}""", "amount" },
        { "impossible date", """{"tx_type":"expense","amount":5,"date":"2026-02-30"}""", "date" },
        { "sloppy date", """{"tx_type":"expense","amount":5,"date":"2026-2-3"}""", "date" },
        { "unknown type", """{"tx_type":"transfer","amount":5,"date":"2026-01-05"}""", "tx_type" },
        { "bad priority", """{"tx_type":"expense","amount":5,"date":"2026-01-05","priority":"Z"}""", "priority" },
        { "malformed bucket id", """{"tx_type":"expense","amount":5,"date":"2026-01-05","bucket_id":"groceries"}""", "bucket_id" },
        { "unknown field", """{"tx_type":"expense","amount":5,"date":"2026-01-05","currency":"EUR"}""", "currency" },
        { "unknown link", """{"tx_type":"expense","amount":5,"date":"2026-01-05","links":{"loan_id":"x"}}""", "links.loan_id" },
        { "amount past the ceiling", """{"tx_type":"expense","amount":92233720368547758.07,"date":"2026-01-05"}""", "amount" },
        { "control character in the description", """{"tx_type":"expense","amount":5,"date":"2026-01-05","description":"a\u0007b"}""", "description" },
        { "missing date", """{"tx_type":"expense","amount":5}""", "date" },
        { "malformed json", """{"tx_type":"expense","amount":""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadPosts))]
    public async Task Bad_input_is_a_400_problem_naming_the_field_and_writes_nothing(string because, string json, string field)
    {
        var response = await Client.PostAsync("core/transactions", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        problem.AssertNamesField(field, because);
        Assert.Equal(0, await Client.TotalAsync());
    }

    [Fact]
    public async Task The_last_month_there_is_can_be_listed()
    {
        await Client.PostOkAsync(new { tx_type = "expense", amount = 5, date = "9999-12-31" });

        var december = await Client.GetFromJsonAsync<JsonObject>("core/transactions?month=9999-12");

        Assert.Equal(1, (int)december!["total"]!);
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_voiding_twice_is_409()
    {
        var posted = await Client.PostOkAsync(new { tx_type = "expense", amount = 5, date = "2026-01-05" });

        await (await Client.GetAsync("core/transactions/tx_000000000000")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Client.PostAsync("core/transactions/tx_000000000000/void", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        var first = await Client.PostAsJsonAsync($"core/transactions/{posted["id"]}/void", new { reason = "duplicate" });
        var second = await Client.PostAsync($"core/transactions/{posted["id"]}/void", null);

        Assert.Equal("duplicate", (string?)(await first.Content.ReadFromJsonAsync<JsonObject>())!["void_reason"]);
        await second.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("duplicate", (string?)(await Client.GetFromJsonAsync<JsonObject>($"core/transactions/{posted["id"]}"))!["void_reason"]);
    }

    [Fact]
    public async Task Listing_is_newest_first_with_paging_filters_and_a_total()
    {
        foreach (var day in new[] { "2026-01-03", "2026-02-01", "2026-01-20", "2026-01-01" })
        {
            await Client.PostOkAsync(new { tx_type = "expense", amount = 1, date = day });
        }

        var page = await Client.GetFromJsonAsync<JsonObject>("core/transactions?limit=2&offset=1");
        var january = await Client.GetFromJsonAsync<JsonObject>("core/transactions?month=2026-01");

        Assert.Equal(4, (int)page!["total"]!);
        Assert.Equal(["2026-01-20", "2026-01-03"], page["items"]!.AsArray().Select(i => (string?)i!["date"]));
        Assert.Equal(3, (int)january!["total"]!);
        await (await Client.GetAsync("core/transactions?month=2026-13")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await Client.GetAsync("core/transactions?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await Client.GetAsync("core/transactions?status=deleted")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull((await (await Client.GetAsync("core/transactions?bucket_id=groceries")).AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!["bucket_id"]);
        Assert.NotNull((await (await Client.GetAsync("core/transactions?limit=abc")).AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!["limit"]);
    }
}
