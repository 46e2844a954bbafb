using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Testing;
using Valhalla.Testing.Authoring;

namespace Valhalla.EndToEnd.Tests.Authoring;

/// <summary><c>dotnet new valhalla-pack</c>, installed into a template cache of the test's own.</summary>
[Collection(AuthoringCollection.Name)]
public sealed class PackTemplateTests(AuthoringKit kit) : IDisposable
{
    private readonly HostFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task A_generated_pack_builds_with_plain_dotnet_build_into_a_ready_to_drop_folder()
    {
        var output = await kit.TemplatePackAsync();

        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains("pack.json", files);
        Assert.Contains($"{AuthoringKit.TemplatePackName}.dll", files);
        Assert.Contains("Dapper.dll", files);
        Assert.DoesNotContain("Valhalla.Contracts.dll", files);
    }

    [Fact]
    public async Task A_generated_pack_dropped_into_a_running_host_answers_hello()
    {
        var built = await kit.TemplatePackAsync();
        await using var host = await _folders.StartAsync();

        _folders.DropBuild(built, AuthoringKit.TemplatePackName);

        (await host.WaitForLoadedAsync("P-ACMEGARDEN-1")).AssertLoaded("P-ACMEGARDEN-1");
        var response = await host.Client.GetAsync("packs/acme.garden/hello");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello from Acme.Garden", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["message"]);
    }

    [Fact]
    public async Task A_generated_pack_stores_notes_in_its_own_database()
    {
        _folders.DropBuild(await kit.TemplatePackAsync(), AuthoringKit.TemplatePackName);
        await using var host = await _folders.StartAsync();

        var created = await host.Client.PostAsJsonAsync("packs/acme.garden/notes", new { text = "water the roses" });
        var notes = await host.Client.GetFromJsonAsync<JsonObject>("packs/acme.garden/notes");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("water the roses", (string?)Assert.Single(notes!["items"]!.AsArray())!["text"]);
        Assert.True(File.Exists(Path.Combine(_folders.DataRoot, "acme.garden", "notes.db")));
    }

    [Fact]
    public async Task The_template_derives_code_prefix_and_data_path_from_the_project_name()
    {
        var output = await kit.TemplatePackAsync();

        var manifest = ReadManifest(output);

        Assert.Equal("P-ACMEGARDEN-1", (string?)manifest["code"]);
        Assert.Equal("/packs/acme.garden", (string?)manifest["route_prefix"]);
        Assert.Equal("acme.garden/notes.db", (string?)manifest["data_paths"]![0]);
        Assert.Equal(AuthoringKit.TemplatePackName, (string?)manifest["module"]);
        Assert.Equal($"{AuthoringKit.TemplatePackName}.Pack", (string?)manifest["router_symbol"]);
    }

    [Fact]
    public async Task The_template_takes_the_code_prefix_and_contracts_version_it_is_given()
    {
        var project = await kit.NewFromTemplateAsync("Acme.Shed", "--code", "p-shed-2", "--prefix", "/home/shed");

        var manifest = ReadManifest(project);

        Assert.Equal("P-SHED-2", (string?)manifest["code"]);
        Assert.Equal("/home/shed", (string?)manifest["route_prefix"]);
        Assert.Equal(string.Join('.', kit.Feed.Version.Split('.')[..2]), (string?)manifest["contracts"]);
        Assert.Contains($">{kit.Feed.Version}</ValhallaContractsVersion>", File.ReadAllText(Path.Combine(project, "Acme.Shed.csproj")));
        Assert.Contains($"value=\"{kit.Feed.Folder}\"", File.ReadAllText(Path.Combine(project, "nuget.config")));
    }

    private static JsonObject ReadManifest(string folder) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "pack.json")))!.AsObject();
}
