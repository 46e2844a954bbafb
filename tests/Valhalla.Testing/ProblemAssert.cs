using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Valhalla.Testing;

/// <summary>Asserts an RFC 9457 problem response.</summary>
public static class ProblemAssert
{
    public static async Task<JsonObject> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((int)status, (int?)problem["status"]);
        return problem;
    }

    /// <summary>Asserts that the problem's <c>errors</c> has an entry for <paramref name="field"/>, not merely its name somewhere.</summary>
    public static void AssertNamesField(this JsonObject problem, string field, string? because = null) =>
        Assert.True(problem["errors"]?[field] is JsonArray { Count: > 0 }, $"{because} expected errors[\"{field}\"]: {problem.ToJsonString()}");
}
