using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Budget;

/// <summary>
/// Text rules checked against the built host run as its own process, with its own runtime settings: a host
/// in the test process runs with the test process's globalization, which once hid that the built host
/// (then in invariant globalization mode, where <see cref="string.Normalize()"/> changes nothing) stored
/// "Café" typed in its two forms as two names.
/// </summary>
public sealed class BuiltHostTextTests : IDisposable
{
    private readonly HostFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task The_built_host_stores_Cafe_typed_in_either_normal_form_as_one_name()
    {
        _folders.Drop(BuiltPacks.Budget);
        await using var host = HostProcess.Start(_folders);
        Assert.True(await host.ListeningAsync() is not null, host.Output);

        var created = await host.Client.PostAsJsonAsync("core/budget/buckets", new { name = "Cafe\u0301", bucket_type = "fun", monthly_limit = 1 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var bucket = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var again = await host.Client.PostAsJsonAsync("core/budget/buckets", new { name = "Caf\u00e9", bucket_type = "fun", monthly_limit = 1 });

        Assert.Equal("Caf\u00e9", (string)bucket["name"]!);
        await ProblemAssert.AssertProblemAsync(again, HttpStatusCode.Conflict);
    }
}
