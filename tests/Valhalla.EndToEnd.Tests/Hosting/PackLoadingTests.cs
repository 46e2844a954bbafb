using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Contracts.Catalog;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Hosting;

public sealed class PackLoadingTests : IDisposable
{
    private readonly HostFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task A_dropped_pack_is_loaded_and_its_routes_answer_under_its_prefix()
    {
        _folders.Drop(BuiltPacks.Fixtures, "good");

        await using var host = await _folders.StartAsync();

        var pack = Assert.Single(host.Report.Packs);
        Assert.Equal(PackStatus.Loaded, pack.Status);
        Assert.Contains("GET /fixtures/good/ping", pack.Routes);
        var pong = await host.Client.GetFromJsonAsync<JsonObject>("fixtures/good/ping");
        Assert.Equal("pong", (string?)pong!["answer"]);
    }

    [Fact]
    public async Task A_pack_writes_and_reads_its_own_sqlite_store_through_its_services()
    {
        _folders.Drop(BuiltPacks.Fixtures, "good");
        await using var host = await _folders.StartAsync();

        var created = await host.Client.PostAsJsonAsync("fixtures/good/notes", new { text = "milk" });
        var notes = await host.Client.GetFromJsonAsync<JsonArray>("fixtures/good/notes");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("milk", (string?)Assert.Single(notes!)!["text"]);
        Assert.True(File.Exists(Path.Combine(_folders.DataRoot, "fixtures", "good.db")));
    }
}
