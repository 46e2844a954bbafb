using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Host;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Access;

/// <summary>The <c>keys</c> command works on the data root; a running host follows it.</summary>
public sealed class KeysCommandTests : IAsyncLifetime
{
    private readonly HostFolders _folders = new();
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        _folders.Drop(BuiltPacks.Fixtures);
        _host = await _folders.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folders.Dispose();
    }

    [Fact]
    public async Task Create_prints_the_key_once_and_list_never_shows_it()
    {
        var (created, key) = await RunAsync("keys", "create", "--name", "phone", "--scope", "read", "--packs", "X-FIXTURES-1");
        var (listed, list) = await RunAsync("keys", "list");

        Assert.Equal(0, created);
        Assert.StartsWith("vh_", key.Trim());
        Assert.Equal(0, listed);
        Assert.Contains("phone", list);
        Assert.Contains("X-FIXTURES-1", list);
        Assert.DoesNotContain(key.Trim(), list, StringComparison.Ordinal);
        Assert.DoesNotContain("vh_", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_created_by_the_command_works_at_once_in_the_running_host_with_its_name_as_the_caller()
    {
        var (_, key) = await RunAsync("keys", "create", "--name", "laptop", "--scope", "write");
        var laptop = _host.ClientWith(key.Trim());

        var caller = await laptop.GetAsync("fixtures/good/whoami");

        Assert.Equal(HttpStatusCode.OK, caller.StatusCode);
        var body = (await caller.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("laptop", (string?)body["name"]);
        Assert.Equal("write", (string?)body["scope"]);
    }

    [Fact]
    public async Task A_key_revoked_by_the_command_stops_working_in_the_running_host()
    {
        var phone = _host.ClientWith(await _host.Client.CreateKeyAsync("phone", "read"));
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("fixtures/good/ping")).StatusCode);

        var (revoked, _) = await RunAsync("keys", "revoke", "phone");

        Assert.Equal(0, revoked);
        await WaitForAsync(phone, "fixtures/good/ping", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Revoking_an_unknown_name_fails()
    {
        var (exitCode, _) = await RunAsync("keys", "revoke", "nobody");

        Assert.Equal(1, exitCode);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await ValhallaCommand.RunAsync([.. args, .. _folders.HostArgs], output, TextWriter.Null);
        return (exitCode, output.ToString());
    }

    // The host re-reads its keys twice a second; this waits for the answer to change, with a deadline far above that.
    private static async Task<HttpResponseMessage> WaitForAsync(HttpClient client, string url, HttpStatusCode expected)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (true)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode == expected)
            {
                return response;
            }

            try
            {
                await tick.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"{url} still answered {(int)response.StatusCode}, not {(int)expected}, after 10 s");
            }
        }
    }
}
