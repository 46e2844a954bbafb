using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Valhalla.Benchmarks;

/// <summary>A data root with a drop folder for the real host, and the host started over it.</summary>
internal sealed class ValhallaInstance : IDisposable
{
    public ValhallaInstance()
    {
        Root = Directory.CreateTempSubdirectory("valhalla-bench-").FullName;
        Directory.CreateDirectory(DropFolder);
    }

    public string Root { get; }

    public string DropFolder => Path.Combine(Root, "packs");

    public ValhallaInstance WithPacks(params string[] projects)
    {
        foreach (var project in projects)
        {
            Paths.CopyDirectory(Paths.Pack(project), Path.Combine(DropFolder, project));
        }

        return this;
    }

    /// <summary>Drops <paramref name="count"/> copies of the fixture pack, each with its own code, prefix and database.</summary>
    public ValhallaInstance WithGeneratedPacks(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            GeneratePack(i, DropFolder);
        }

        return this;
    }

    /// <summary>
    /// Writes copy <paramref name="number"/> of the fixture pack into <paramref name="parent"/>: code
    /// X-GEN-nnn at /generated/pnnn with database generated/pnnn.db. Returns its folder.
    /// </summary>
    public string GeneratePack(int number, string parent)
    {
        var folder = Path.Combine(parent, $"generated-{number:D3}");
        Paths.CopyDirectory(Paths.Fixture("Valhalla.Fixtures.Packs"), folder);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "pack.json")))!.AsObject();
        manifest["code"] = $"X-GEN-{number:D3}";
        manifest["route_prefix"] = $"/generated/p{number:D3}";
        manifest["data_paths"] = new JsonArray($"generated/p{number:D3}.db");
        File.WriteAllText(Path.Combine(folder, "pack.json"), manifest.ToJsonString());
        return folder;
    }

    public Task<ServerProcess> StartAsync(params string[] extraArgs) =>
        ServerProcess.StartAsync(Paths.HostDll, [$"--Valhalla:DataPath={Root}", $"--Valhalla:PacksPath={DropFolder}", .. extraArgs], "health");

    /// <summary>A client of <paramref name="host"/> carrying the owner key the host wrote on its first start.</summary>
    public HttpClient Client(ServerProcess host, HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = host.Address;
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", File.ReadAllText(Path.Combine(Root, "owner.key")).Trim());
        return client;
    }

    public static async Task<string> CreateBucketAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("core/budget/buckets", new { name, bucket_type = "variable", monthly_limit = 500 });
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Leaves litter in the temp folder only.
        }
    }
}
