using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Budget;

public sealed class BudgetHttpTests() : HostTest(BuiltPacks.Budget)
{
    [Fact]
    public async Task The_seed_flow_creates_lists_patches_snapshots_and_allocates()
    {
        var groceries = await CreateAsync(new { name = "Groceries", bucket_type = "essentials", monthly_limit = 900, priority = "A" });
        var fun = await CreateAsync(new { name = "Entertainment", bucket_type = "fun", monthly_limit = 200, priority = "C" });
        var groceriesId = (string)groceries["id"]!;
        var funId = (string)fun["id"]!;

        var list = await Client.GetFromJsonAsync<JsonArray>("core/budget/buckets");
        var one = await Client.GetFromJsonAsync<JsonObject>($"core/budget/buckets/{groceriesId}");
        var patched = await Client.PatchAsJsonAsync($"core/budget/buckets/{groceriesId}", new { notes = "weekly shop" });
        var january = await Client.GetFromJsonAsync<JsonObject>("core/budget/months?month=2026-01");
        var allocated = await Client.PostAsJsonAsync($"core/budget/months/2026-01/allocate/{funId}", new { amount = 150 });
        var after = await Client.GetFromJsonAsync<JsonObject>("core/budget/months?month=2026-01");

        Assert.StartsWith("bk_", groceriesId);
        Assert.Equal(["Groceries", "Entertainment"], list!.Select(b => (string?)b!["name"]));
        Assert.Equal("essentials", (string?)one!["bucket_type"]);
        Assert.Equal(900, (decimal)one["monthly_limit"]!);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("weekly shop", (string?)(await patched.Content.ReadFromJsonAsync<JsonObject>())!["notes"]);
        Assert.Equal(900, (decimal)Line(january!, groceriesId)["remaining"]!);
        Assert.Equal(HttpStatusCode.OK, allocated.StatusCode);
        Assert.Equal(150, (decimal)Line(after!, funId)["limit"]!);
        Assert.Equal(150, (decimal)Line(after!, funId)["allocation"]!);
        Assert.Equal(1050, (decimal)after!["totals"]!["limit"]!);
    }

    [Fact]
    public async Task A_range_of_months_returns_one_snapshot_each()
    {
        await CreateAsync(new { name = "Groceries", bucket_type = "essentials", monthly_limit = 900 });

        var range = await Client.GetFromJsonAsync<JsonObject>("core/budget/months?from=2026-01&to=2026-03");

        Assert.Equal(["2026-01", "2026-02", "2026-03"], range!["months"]!.AsArray().Select(m => (string?)m!["month"]));
    }

    public static TheoryData<string, object, string> BadBuckets => new()
    {
        { "empty name", new { name = " ", bucket_type = "fun", monthly_limit = 1 }, "name" },
        { "unknown type", new { name = "X", bucket_type = "luxury", monthly_limit = 1 }, "bucket_type" },
        { "negative limit", new { name = "X", bucket_type = "fun", monthly_limit = -5 }, "monthly_limit" },
        { "three decimals", new { name = "X", bucket_type = "fun", monthly_limit = 1.005 }, "monthly_limit" },
        { "limit as text", new { name = "X", bucket_type = "fun", monthly_limit = "ten" }, "monthly_limit" },
        { "bad priority", new { name = "X", bucket_type = "fun", monthly_limit = 1, priority = "Z" }, "priority" },
        { "unknown field", new { name = "X", bucket_type = "fun", monthly_limit = 1, colour = "red" }, "colour" },
        { "missing name", new { bucket_type = "fun", monthly_limit = 1 }, "name" },
        { "limit past the ceiling", new { name = "X", bucket_type = "fun", monthly_limit = 92233720368547758.07m }, "monthly_limit" },
        { "limit one cent past the ceiling", new { name = "X", bucket_type = "fun", monthly_limit = 1_000_000_000m }, "monthly_limit" },
        { "control character in the name", new { name = "Gro\u0000ceries", bucket_type = "fun", monthly_limit = 1 }, "name" },
    };

    [Theory]
    [MemberData(nameof(BadBuckets))]
    public async Task Bad_bucket_input_is_a_400_problem_naming_the_field_and_stores_nothing(string because, object body, string field)
    {
        var response = await Client.PostAsJsonAsync("core/budget/buckets", body);

        var problem = await ProblemAssert.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        problem.AssertNamesField(field, because);
        Assert.Empty((await Client.GetFromJsonAsync<JsonArray>("core/budget/buckets"))!);
    }

    [Theory]
    [InlineData("core/budget/months?month=2026-13", "month")]
    [InlineData("core/budget/months?month=2026-1", "month")]
    [InlineData("core/budget/months?month=26-01", "month")]
    [InlineData("core/budget/months?from=2026-03&to=2026-01", "to")]
    [InlineData("core/budget/months?month=0000-12", "month")]
    [InlineData("core/budget/months?from=9999-12&to=10000-01", "to")]
    [InlineData("core/budget/buckets?status=deleted", "status")]
    [InlineData("core/budget/buckets?bucket_type=luxury", "bucket_type")]
    public async Task Bad_query_values_are_400_problems_naming_the_parameter(string url, string field)
    {
        var problem = await ProblemAssert.AssertProblemAsync(await Client.GetAsync(url), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task The_last_month_there_is_answers_its_snapshot()
    {
        var bucket = (string)(await CreateAsync(new { name = "Holiday", bucket_type = "sinking", monthly_limit = 999_999_999.99m, rollover = true }))["id"]!;

        var last = await Client.GetFromJsonAsync<JsonObject>("core/budget/months?month=9999-12");
        var range = await Client.GetFromJsonAsync<JsonObject>("core/budget/months?from=9999-01&to=9999-12");

        Assert.Equal("9999-12", (string?)last!["month"]);
        Assert.True((decimal)Line(last, bucket)["carried_in"]! > 0);
        Assert.Equal(12, range!["months"]!.AsArray().Count);
    }

    [Fact]
    public async Task Cafe_typed_in_either_normal_form_is_one_name()
    {
        await CreateAsync(new { name = "Caf\u00e9", bucket_type = "fun", monthly_limit = 1 });

        var again = await Client.PostAsJsonAsync("core/budget/buckets", new { name = "Cafe\u0301", bucket_type = "fun", monthly_limit = 1 });

        await ProblemAssert.AssertProblemAsync(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Allocation_errors_are_4xx_problems_and_change_nothing()
    {
        var bucket = (string)(await CreateAsync(new { name = "Fun", bucket_type = "fun", monthly_limit = 200 }))["id"]!;

        await ProblemAssert.AssertProblemAsync(await Client.PostAsJsonAsync($"core/budget/months/2026-13/allocate/{bucket}", new { amount = 5 }), HttpStatusCode.BadRequest);
        await ProblemAssert.AssertProblemAsync(await Client.PostAsJsonAsync($"core/budget/months/2026-01/allocate/{bucket}", new { amount = -5 }), HttpStatusCode.BadRequest);
        (await ProblemAssert.AssertProblemAsync(
            await Client.PostAsJsonAsync($"core/budget/months/2026-01/allocate/{bucket}", new { amount = 92233720368547758.07m }), HttpStatusCode.BadRequest))
            .AssertNamesField("amount");
        await ProblemAssert.AssertProblemAsync(await Client.PostAsJsonAsync($"core/budget/months/2026-01/allocate/{bucket}", new { }), HttpStatusCode.BadRequest);
        await ProblemAssert.AssertProblemAsync(await Client.PostAsJsonAsync("core/budget/months/2026-01/allocate/bk_000000000000", new { amount = 5 }), HttpStatusCode.NotFound);

        var january = await Client.GetFromJsonAsync<JsonObject>("core/budget/months?month=2026-01");
        Assert.Null(Line(january!, bucket)["allocation"]);
    }

    [Fact]
    public async Task Unknown_ids_malformed_json_and_immutable_fields_are_4xx_problems()
    {
        var bucket = (string)(await CreateAsync(new { name = "Fun", bucket_type = "fun", monthly_limit = 200 }))["id"]!;

        await ProblemAssert.AssertProblemAsync(await Client.GetAsync("core/budget/buckets/bk_000000000000"), HttpStatusCode.NotFound);
        await ProblemAssert.AssertProblemAsync(await Client.PatchAsJsonAsync("core/budget/buckets/bk_000000000000", new { notes = "x" }), HttpStatusCode.NotFound);
        await ProblemAssert.AssertProblemAsync(await Client.PostAsync("core/budget/buckets", new StringContent("{\"name\":", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        var idChange = await ProblemAssert.AssertProblemAsync(await Client.PatchAsJsonAsync($"core/budget/buckets/{bucket}", new { id = "bk_ffffffffffff" }), HttpStatusCode.BadRequest);
        Assert.NotNull(idChange["errors"]!["id"]);
        await ProblemAssert.AssertProblemAsync(await Client.PostAsJsonAsync("core/budget/buckets", new { name = "FUN", bucket_type = "fun", monthly_limit = 1 }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Buckets_and_allocations_survive_a_restart()
    {
        var bucket = (string)(await CreateAsync(new { name = "Fun", bucket_type = "fun", monthly_limit = 200, rollover = true }))["id"]!;
        await Client.PostAsJsonAsync($"core/budget/months/2026-01/allocate/{bucket}", new { amount = 150 });

        await RestartAsync();

        var stored = await Client.GetFromJsonAsync<JsonObject>($"core/budget/buckets/{bucket}");
        var january = await Client.GetFromJsonAsync<JsonObject>("core/budget/months?month=2026-01");
        Assert.True((bool)stored!["rollover"]!);
        Assert.Equal(150, (decimal)Line(january!, bucket)["allocation"]!);
    }

    private async Task<JsonObject> CreateAsync(object body)
    {
        var response = await Client.PostAsJsonAsync("core/budget/buckets", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static JsonObject Line(JsonObject snapshot, string bucketId) =>
        snapshot["buckets"]!.AsArray().Single(b => (string?)b!["bucket_id"] == bucketId)!.AsObject();
}
