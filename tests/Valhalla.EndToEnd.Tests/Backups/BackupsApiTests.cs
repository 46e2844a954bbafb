using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Host;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Backups;

/// <summary><c>/host/backups</c>, the <c>backup</c> command, and the last backup in <c>/health</c> and the report.</summary>
public sealed class BackupsApiTests() : HostTest(BuiltPacks.Transactions, BuiltPacks.Budget)
{
    [Fact]
    public async Task A_backup_holds_every_pack_s_databases_the_host_s_and_a_manifest_with_checksums()
    {
        var created = await Client.PostAsync("host/backups", content: null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var name = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["name"]!;

        await using var zip = new ZipArchive(await Client.GetStreamAsync($"host/backups/{name}"));

        Assert.Equal(
            ["data/budget/budget.db", "data/host/host.db", "data/transactions/transactions.db", "manifest.json", "packs/P-BUDGET-1/pack.json", "packs/P-BUDGET-2/pack.json"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var manifest = (await JsonNode.ParseAsync(await zip.GetEntry("manifest.json")!.OpenAsync()))!;
        var ledger = manifest["databases"]!.AsArray().Single(d => (string?)d!["pack"] == "P-BUDGET-2")!;
        Assert.Equal("1.0.0", (string?)ledger["version"]);
        Assert.Equal("transactions/transactions.db", (string?)ledger["data_path"]);
        Assert.True((int)ledger["schema_version"]! >= 1);
        Assert.Equal(zip.GetEntry("data/transactions/transactions.db")!.Length, (long)ledger["size"]!);
        Assert.Equal(64, ((string)ledger["sha256"]!).Length);
    }

    [Fact]
    public async Task Backups_are_listed_newest_first_with_time_size_and_outcome()
    {
        var first = await TakeAsync();
        var second = await TakeAsync();

        var list = (await Client.GetFromJsonAsync<JsonObject>("host/backups"))!;

        Assert.Equal([second, first], list["items"]!.AsArray().Select(i => (string)i!["name"]!));
        Assert.All(list["items"]!.AsArray(), i => Assert.Equal("ok", (string?)i!["outcome"]));
        Assert.All(list["items"]!.AsArray(), i => Assert.True((long)i!["size"]! > 0));
    }

    [Theory]
    [InlineData("..%2Fowner.key")]
    [InlineData("..%2F..%2Fowner.key")]
    [InlineData("valhalla-20991231T000000000Z.zip")]
    [InlineData("validation.json")]
    public async Task Only_an_existing_backup_can_be_downloaded(string name)
    {
        var response = await Client.GetAsync($"host/backups/{name}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Backups_need_an_admin_key()
    {
        var reader = Host.ClientWith(await Client.CreateKeyAsync("phone", "write"));

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("host/backups", content: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("host/backups")).StatusCode);
    }

    [Fact]
    public async Task The_last_backup_shows_in_health_with_a_key_and_in_the_report_but_not_to_anonymous_callers()
    {
        var name = await TakeAsync();

        var health = (await Client.GetFromJsonAsync<JsonObject>("health"))!;
        var anonymous = (await Host.ClientWith(null).GetFromJsonAsync<JsonObject>("health"))!;
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folders.DataRoot, "reports", "validation.json")))!;

        Assert.Equal(name, (string?)health["last_backup"]!["name"]);
        Assert.Equal("ok", (string?)health["last_backup"]!["outcome"]);
        Assert.True((long)health["last_backup"]!["size"]! > 0);
        Assert.False(anonymous.ContainsKey("last_backup"));
        Assert.Equal(name, (string?)report["last_backup"]!["name"]);
    }

    [Fact]
    public async Task A_failed_backup_is_a_problem_leaves_no_file_and_shows_in_health_and_the_report()
    {
        var backups = Path.Combine(Folders.DataRoot, "backups");
        if (Directory.Exists(backups))
        {
            Directory.Delete(backups, recursive: true);
        }

        // A file where the folder should be: the backup cannot be written (a read-only folder would not stop root).
        await File.WriteAllTextAsync(backups, "in the way");

        var response = await Client.PostAsync("host/backups", content: null);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(500, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        Assert.Empty(Directory.EnumerateFiles(Folders.DataRoot, "*.zip*", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateDirectories(Folders.DataRoot, ".staging-*", SearchOption.AllDirectories));
        var health = (await Client.GetFromJsonAsync<JsonObject>("health"))!;
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folders.DataRoot, "reports", "validation.json")))!;
        Assert.Equal("failed", (string?)health["last_backup"]!["outcome"]);
        Assert.Equal("failed", (string?)report["last_backup"]!["outcome"]);
    }

    [Fact]
    public async Task The_backup_command_backs_up_beside_the_running_host()
    {
        var output = new StringWriter();

        var exit = await ValhallaCommand.RunAsync(["backup", .. Folders.HostArgs], output, TextWriter.Null);

        Assert.Equal(0, exit);
        var file = output.ToString().Trim();
        Assert.True(File.Exists(file));
        await using var zip = await ZipFile.OpenReadAsync(file);
        Assert.NotNull(zip.GetEntry("data/transactions/transactions.db"));
        var list = (await Client.GetFromJsonAsync<JsonObject>("host/backups"))!;
        Assert.Equal(Path.GetFileName(file), (string?)list["items"]![0]!["name"]);
    }

    [Fact]
    public async Task Retention_keeps_the_newest_backups()
    {
        using var folders = new HostFolders();
        folders.Drop(BuiltPacks.Transactions);
        await using var host = await folders.StartAsync("--Valhalla:Backups:Keep=2");
        List<string> names = [await TakeAsync(host.Client), await TakeAsync(host.Client), await TakeAsync(host.Client)];

        var list = (await host.Client.GetFromJsonAsync<JsonObject>("host/backups"))!;

        Assert.Equal([names[2], names[1]], list["items"]!.AsArray().Select(i => (string)i!["name"]!));
    }

    [Fact]
    public async Task A_second_host_on_the_same_data_root_is_refused_while_the_first_holds_its_lock()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Folders.StartAsync());

        Assert.Contains("host.lock", refused.Message);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("health")).StatusCode);
    }

    private Task<string> TakeAsync() => TakeAsync(Client);

    private static async Task<string> TakeAsync(HttpClient client)
    {
        var response = await client.PostAsync("host/backups", content: null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["name"]!;
    }
}
