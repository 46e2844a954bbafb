using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Host;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Access;

public sealed class AuthOffTests : IDisposable
{
    private readonly HostFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://127.0.0.1:0;http://[::]:0")]
    [InlineData("http://*:0")]
    public async Task Turning_auth_off_on_a_non_loopback_address_refuses_to_start(string urls)
    {
        _folders.Drop(BuiltPacks.Fixtures);

        var exitCode = await ValhallaCommand.RunAsync([$"--urls={urls}", "--Valhalla:Auth:Enabled=false", .. _folders.HostArgs]);

        Assert.Equal(1, exitCode);
        Assert.False(Directory.Exists(Path.Combine(_folders.DataRoot, "fixtures")), "no pack may have started");
    }

    [Fact]
    public async Task The_refusal_names_the_address_and_the_setting()
    {
        await using var app = ValhallaApp.Build(["--urls=http://0.0.0.0:0", "--Valhalla:Auth:Enabled=false", .. _folders.HostArgs]);

        var refusal = ValhallaApp.RefusalToServe(app);

        Assert.NotNull(refusal);
        Assert.Contains("0.0.0.0", refusal);
        Assert.Contains("Valhalla:Auth:Enabled=false", refusal);
    }

    [Fact]
    public async Task With_auth_off_on_loopback_requests_need_no_key()
    {
        _folders.Drop(BuiltPacks.Fixtures);
        await using var host = await _folders.StartAsync("--Valhalla:Auth:Enabled=false");

        var anonymous = host.ClientWith(null);
        var caller = await anonymous.GetFromJsonAsync<JsonObject>("fixtures/good/whoami");

        Assert.Equal("anonymous", (string?)caller!["name"]);
        Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync("fixtures/good/notes", new { text = "milk" })).StatusCode);
    }
}
