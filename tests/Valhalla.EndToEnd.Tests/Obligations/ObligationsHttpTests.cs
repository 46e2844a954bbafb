using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Obligations;

/// <summary>The obligations pack over HTTP, dropped in with the budget and the ledger.</summary>
public sealed class ObligationsHttpTests() : HostTest(BuiltPacks.Budget, BuiltPacks.Transactions, BuiltPacks.ObligationsPack)
{
    [Fact]
    public async Task Obligations_are_created_listed_changed_and_archived()
    {
        var response = await Client.PostAsJsonAsync("core/obligations", new
        {
            name = "Power",
            amount_min = 50,
            amount_max = 150.5,
            grace_days = 5,
            notes = "meter",
            recurrence = new { frequency = "weekly", interval = 2, weekday = "friday", start_date = "2026-01-01", end_date = "2026-12-31" },
        });
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (string)created["id"]!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches("^ob_[0-9a-f]{12}$", id);
        Assert.Equal($"/core/obligations/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal((null, 150.5m, "friday", "A"), ((decimal?)created["amount"], (decimal)created["amount_max"]!, (string?)created["recurrence"]!["weekday"], (string?)created["priority"]));

        var patched = await Client.PatchAsJsonAsync($"core/obligations/{id}", new { status = "archived" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("archived", (string?)(await Client.GetFromJsonAsync<JsonObject>($"core/obligations/{id}"))!["status"]);
        Assert.Empty((await Client.GetFromJsonAsync<JsonArray>("core/obligations?status=active"))!);
        Assert.Single((await Client.GetFromJsonAsync<JsonArray>("core/obligations"))!);
    }

    [Theory]
    [InlineData("{\"name\":\"Rent\",\"amount\":950,\"recurrence\":{\"frequency\":\"monthly\",\"day\":32,\"start_date\":\"2026-01-01\"}}", "recurrence.day")]
    [InlineData("{\"name\":\"Rent\",\"amount\":950,\"recurrence\":{\"frequency\":\"monthly\",\"day\":1}}", "recurrence.start_date")]
    [InlineData("{\"name\":\"Rent\",\"amount\":950,\"colour\":\"red\",\"recurrence\":{\"frequency\":\"monthly\",\"day\":1,\"start_date\":\"2026-01-01\"}}", "colour")]
    [InlineData("{\"name\":\"Rent\",\"amount\":950.001,\"recurrence\":{\"frequency\":\"monthly\",\"day\":1,\"start_date\":\"2026-01-01\"}}", "amount")]
    [InlineData("{\"name\":\"Rent\",\"amount\":950,\"bucket_id\":\"bk_000000000000\",\"recurrence\":{\"frequency\":\"monthly\",\"day\":1,\"start_date\":\"2026-01-01\"}}", "bucket_id")]
    public async Task Bad_input_is_a_400_naming_the_field(string body, string field)
    {
        var response = await Client.PostAsync("core/obligations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ToJsonString());
    }

    [Fact]
    public async Task An_unknown_obligation_is_a_404()
    {
        await (await Client.GetAsync("core/obligations/ob_000000000000")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_month_view_shows_a_linked_expense_paying_its_occurrence()
    {
        var rent = await Client.CreateMonthlyAsync("Rent", 950, 1, "2026-01-01");
        var payment = await Transactions.LedgerClient.PostOkAsync(Client, new
        {
            tx_type = "expense",
            amount = 950,
            date = "2026-01-01",
            priority = "A",
            links = new { obligation_id = rent },
        });

        var january = (await Client.GetFromJsonAsync<JsonObject>("core/obligations/months?month=2026-01"))!;

        var occurrence = january["occurrences"]!.AsArray().Single()!;
        Assert.Equal(("2026-01-01", "paid", 950m, 0m), ((string?)occurrence["due_date"], (string?)occurrence["status"], (decimal)occurrence["paid"]!, (decimal)occurrence["outstanding"]!));
        Assert.Equal((string?)payment["id"], (string?)occurrence["transaction_ids"]![0]);
        Assert.True((bool)january["covered"]!);
    }
}
