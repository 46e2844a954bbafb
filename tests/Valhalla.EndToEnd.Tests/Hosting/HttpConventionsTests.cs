using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Hosting;

public sealed class HttpConventionsTests() : HostTest(BuiltPacks.Fixtures)
{
    [Fact]
    public async Task The_openapi_document_takes_pack_services_for_services_not_request_bodies()
    {
        var document = await Client.GetFromJsonAsync<JsonObject>("openapi/v1.json");

        var notes = document!["paths"]!["/fixtures/good/notes"]!;
        Assert.Null(notes["get"]!["requestBody"]);
        Assert.Contains("NoteInput", notes["post"]!["requestBody"]!.ToJsonString());
    }

    [Fact]
    public async Task The_api_reference_ui_is_served()
    {
        var response = await Client.GetAsync("scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        var response = await Client.PostAsync("fixtures/good/notes", new StringContent("{\"text\": ", Encoding.UTF8, "application/json"));

        await ProblemAssert.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_field_is_a_400_problem_naming_it()
    {
        var response = await Client.PostAsJsonAsync("fixtures/good/notes", new { text = "milk", colour = "blue" });

        var problem = await ProblemAssert.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        problem.AssertNamesField("colour");
    }

    [Fact]
    public async Task A_missing_required_field_is_a_400_problem_naming_it()
    {
        var response = await Client.PostAsJsonAsync("fixtures/good/notes", new { });

        var problem = await ProblemAssert.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        problem.AssertNamesField("text");
        Assert.Equal("text: is required.", (string?)problem["detail"]);
        Assert.Empty(await Client.GetFromJsonAsync<JsonArray>("fixtures/good/notes") ?? []);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var response = await Client.GetAsync("core/nothing-here");

        await ProblemAssert.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}
