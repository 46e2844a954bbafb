using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Registry;

public sealed class RegistryTests : IDisposable
{
    private readonly HostFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task Discovered_packs_are_listed_with_their_status_and_routes()
    {
        _folders.Drop(BuiltPacks.Registry);
        _folders.Drop(BuiltPacks.Fixtures, "good");
        await using var host = await _folders.StartAsync();

        var list = await host.Client.GetFromJsonAsync<JsonObject>("core/packs");

        Assert.Equal(2, (int?)list!["total"]);
        var fixture = Item(list, "X-FIXTURE-1");
        Assert.Equal("loaded", (string?)fixture["status"]);
        Assert.Equal("discovered", (string?)fixture["source"]);
        Assert.StartsWith("pk_", (string?)fixture["id"]);
        Assert.Contains("GET /fixtures/good/ping", fixture["routes"]!.AsArray().Select(r => (string?)r));
        Assert.Equal("loaded", (string?)Item(list, "P-PACKS-1")["status"]);
    }

    [Fact]
    public async Task Tag_filter_keeps_only_packs_with_that_tag()
    {
        _folders.Drop(BuiltPacks.Registry);
        _folders.Drop(BuiltPacks.Fixtures, "good");
        await using var host = await _folders.StartAsync();

        var list = await host.Client.GetFromJsonAsync<JsonObject>("core/packs?tag=fixture");

        Assert.Equal(["X-FIXTURE-1"], list!["items"]!.AsArray().Select(i => (string?)i!["code"]));
    }

    [Fact]
    public async Task One_pack_shows_its_data_paths_errors_and_warnings_and_an_unknown_code_is_404()
    {
        _folders.Drop(BuiltPacks.Registry);
        _folders.Drop(BuiltPacks.Fixtures, "good");
        await using var host = await _folders.StartAsync();

        var pack = await host.Client.GetFromJsonAsync<JsonObject>("core/packs/X-FIXTURE-1");
        var unknown = await host.Client.GetAsync("core/packs/X-NOPE-1");

        Assert.Equal(["fixtures/good.db"], pack!["data_paths"]!.AsArray().Select(p => (string?)p));
        Assert.Empty(pack["errors"]!.AsArray());
        Assert.Equal("data_file_missing", (string?)pack["warnings"]![0]!["code"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Registering_is_201_then_an_idempotent_200_and_a_conflicting_manifest_is_409()
    {
        _folders.Drop(BuiltPacks.Registry);
        await using var host = await _folders.StartAsync();

        var created = await host.Client.PostAsJsonAsync("core/packs", Manifest("X-NOTES-1", "1.0.0"));
        var again = await host.Client.PostAsJsonAsync("core/packs", Manifest("X-NOTES-1", "1.0.0"));
        var conflicting = await host.Client.PostAsJsonAsync("core/packs", Manifest("X-NOTES-1", "2.0.0"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/core/packs/X-NOTES-1", created.Headers.Location?.ToString());
        Assert.Equal("registered", (string?)(await created.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflicting.StatusCode);
        Assert.Contains("version", (string?)(await conflicting.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
        var stored = await host.Client.GetFromJsonAsync<JsonObject>("core/packs/X-NOTES-1");
        Assert.Equal("1.0.0", (string?)stored!["version"]);
    }

    [Fact]
    public async Task An_invalid_manifest_is_a_400_naming_the_field_and_nothing_is_stored()
    {
        _folders.Drop(BuiltPacks.Registry);
        await using var host = await _folders.StartAsync();
        var badPrefix = Manifest("X-NOTES-1", "1.0.0");
        badPrefix["route_prefix"] = "notes/";
        var missingField = Manifest("X-NOTES-2", "1.0.0");
        missingField.Remove("module");

        var prefixResponse = await host.Client.PostAsJsonAsync("core/packs", badPrefix);
        var missingResponse = await host.Client.PostAsJsonAsync("core/packs", missingField);

        Assert.Equal(HttpStatusCode.BadRequest, prefixResponse.StatusCode);
        Assert.NotNull((await prefixResponse.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["route_prefix"]);
        Assert.Equal(HttpStatusCode.BadRequest, missingResponse.StatusCode);
        Assert.Contains("module", (string?)(await missingResponse.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("core/packs/X-NOTES-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("core/packs/X-NOTES-2")).StatusCode);

        var nullRequirement = Manifest("X-NOTES-3", "1.0.0");
        nullRequirement["requires"] = new JsonArray((JsonNode?)null);
        var nullResponse = await host.Client.PostAsJsonAsync("core/packs", nullRequirement);
        Assert.Equal(HttpStatusCode.BadRequest, nullResponse.StatusCode);
        Assert.Contains("requires[0]", (string?)(await nullResponse.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
    }

    [Fact]
    public async Task Registrations_persist_across_a_restart()
    {
        _folders.Drop(BuiltPacks.Registry);
        string? id;
        await using (var first = await _folders.StartAsync())
        {
            var created = await first.Client.PostAsJsonAsync("core/packs", Manifest("X-NOTES-1", "1.0.0"));
            id = (string?)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"];
        }

        await using var second = await _folders.StartAsync();
        var pack = await second.Client.GetFromJsonAsync<JsonObject>("core/packs/X-NOTES-1");

        Assert.Equal(id, (string?)pack!["id"]);
        Assert.Equal("api", (string?)pack["source"]);
        Assert.Equal("registered", (string?)pack["status"]);
    }

    [Fact]
    public async Task Validate_reports_the_bad_packs_beside_the_good_ones_in_the_seed_shape()
    {
        _folders.Drop(BuiltPacks.Registry);
        _folders.Drop(BuiltPacks.Fixtures, "good");
        _folders.Drop(BuiltPacks.Fixtures, "throwing", FixtureManifests.Throwing);
        _folders.Drop(BuiltPacks.Fixtures, "nameless", m =>
        {
            m.Remove("router_symbol");
            m["code"] = "X-NAMELESS-1";
        });
        await using var host = await _folders.StartAsync();

        var validation = await host.Client.GetFromJsonAsync<JsonObject>("core/packs/validate");
        var list = await host.Client.GetFromJsonAsync<JsonObject>("core/packs");

        Assert.False((bool)validation!["ok"]!);
        Assert.Equal(4, (int?)validation["checked"]);
        var errorCodes = validation["errors"]!.AsArray().Select(e => (string?)e!["code"]).ToList();
        Assert.Contains("manifest_invalid", errorCodes);
        Assert.Contains("pack_configure_failed", errorCodes);
        Assert.NotNull(validation["warnings"]);
        Assert.Equal("pong", (string?)(await host.Client.GetFromJsonAsync<JsonObject>("fixtures/good/ping"))!["answer"]);
        var throwing = Item(list!, "X-THROW-1");
        Assert.Equal("failed", (string?)throwing["status"]);
        Assert.Equal("pack_configure_failed", (string?)throwing["errors"]![0]!["code"]);
        var nameless = Item(list!, "nameless");
        Assert.Equal("skipped", (string?)nameless["status"]);
        Assert.Contains("router_symbol", (string?)nameless["errors"]![0]!["detail"]);
    }

    private static JsonObject Item(JsonObject list, string code) =>
        list["items"]!.AsArray().Single(i => (string?)i!["code"] == code)!.AsObject();

    private static JsonObject Manifest(string code, string version) => new()
    {
        ["code"] = code,
        ["name"] = "Notes",
        ["version"] = version,
        ["module"] = "Valhalla.Samples.Notes",
        ["router_symbol"] = "Valhalla.Samples.Notes.NotesPack",
        ["route_prefix"] = "/notes",
        ["contracts"] = "1.0",
        ["data_paths"] = new JsonArray("notes/notes.db"),
        ["requires"] = new JsonArray(),
        ["tags"] = new JsonArray("notes"),
    };
}
