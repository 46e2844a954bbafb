using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Valhalla.EndToEnd.Tests.Transactions;
using Valhalla.Host;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Backups;

/// <summary>A backup taken while writes go on restores every write acknowledged before it, and restore refuses what it must.</summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private readonly HostFolders _source = new();
    private readonly HostFolders _target = new();
    private readonly TempDirectory _downloads = new();
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        _source.Drop(BuiltPacks.Transactions);
        _target.Drop(BuiltPacks.Transactions);
        _host = await _source.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _source.Dispose();
        _target.Dispose();
        _downloads.Dispose();
    }

    [Fact]
    public async Task Under_16_writers_a_backup_restores_every_write_acknowledged_before_it_and_the_host_starts_on_it()
    {
        IReadOnlyList<string> before;
        string name;
        await using (var writers = new LedgerWriters([.. Enumerable.Range(0, 16).Select(_ => _host.ClientWith(_host.OwnerKey))], warmUp: 300))
        {
            await writers.WarmedUp;
            before = writers.Acknowledged;
            name = await TakeBackupAsync();
        }

        var (exit, output, error) = await RestoreAsync(await DownloadAsync(name), _target);

        Assert.True(exit == 0, output + error);
        Assert.Contains("integrity_check ok", output);
        var restored = RestoredIds();
        var missing = before.Where(id => !restored.Contains(id)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {before.Count} acknowledged writes are missing, e.g. {string.Join(", ", missing.Take(5))}");
        File.Copy(Path.Combine(_source.DataRoot, "owner.key"), Path.Combine(_target.DataRoot, "owner.key"));
        await using var host = await _target.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync($"core/transactions/{before[^1]}")).StatusCode);
        Assert.Equal(restored.Count, await host.Client.TotalAsync());
    }

    [Fact]
    public async Task A_backup_with_one_byte_changed_is_refused_and_the_data_root_is_untouched()
    {
        await PostAsync(_host.Client, 20);
        var zip = await DownloadAsync(await TakeBackupAsync());
        await ChangeOneByteOfTheLedgerAsync(zip);
        await UseTargetOnceAsync();
        var files = DataRootFiles.Of(_target.DataRoot);

        var (exit, _, error) = await RestoreAsync(zip, _target);

        Assert.Equal(3, exit);
        Assert.Contains("nothing was changed", error);
        Assert.Equal(files, DataRootFiles.Of(_target.DataRoot));
    }

    [Fact]
    public async Task A_database_newer_than_the_installed_pack_is_refused_naming_the_pack_and_the_data_root_is_untouched()
    {
        await PostAsync(_host.Client, 1);
        await using (var ledger = new SqliteConnection($"Data Source={Path.Combine(_source.DataRoot, "transactions", "transactions.db")};Pooling=False"))
        {
            await ledger.OpenAsync();
            await using var bump = ledger.CreateCommand();
            bump.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA user_version = 99;";
            await bump.ExecuteNonQueryAsync();
        }

        var zip = await DownloadAsync(await TakeBackupAsync());
        await UseTargetOnceAsync();
        var files = DataRootFiles.Of(_target.DataRoot);

        var (exit, _, error) = await RestoreAsync(zip, _target);

        Assert.Equal(5, exit);
        Assert.Contains("P-BUDGET-2", error);
        Assert.Contains("99", error);
        Assert.Equal(files, DataRootFiles.Of(_target.DataRoot));
    }

    [Fact]
    public async Task A_running_host_makes_restore_refuse_and_the_data_root_is_untouched()
    {
        await PostAsync(_host.Client, 5);
        var zip = await DownloadAsync(await TakeBackupAsync());
        await using var running = await _target.StartAsync();
        await PostAsync(running.Client, 1);
        var files = DataRootFiles.Of(_target.DataRoot, skipLive: true);

        var (exit, _, error) = await RestoreAsync(zip, _target);

        Assert.Equal(4, exit);
        Assert.Contains("running", error);
        Assert.Equal(files, DataRootFiles.Of(_target.DataRoot, skipLive: true));
        Assert.Equal(1, await running.Client.TotalAsync());
    }

    [Fact]
    public async Task Restore_keeps_the_replaced_files_aside()
    {
        await PostAsync(_host.Client, 3);
        var zip = await DownloadAsync(await TakeBackupAsync());
        await UseTargetOnceAsync();
        var replaced = DataRootFiles.Of(_target.DataRoot)["transactions/transactions.db"];

        var (exit, output, error) = await RestoreAsync(zip, _target);

        Assert.True(exit == 0, output + error);
        var aside = Assert.Single(Directory.EnumerateDirectories(Path.Combine(_target.DataRoot, "restore-aside")));
        Assert.Equal(replaced, DataRootFiles.Of(aside)["transactions/transactions.db"]);
    }

    // Rewrites the archive with one byte of the ledger's database changed (the zip's own CRC made anew,
    // as a tool that edits archives does): the archive's checksum tells (RestoreTrustsNothingTests in the
    // host tests show each check alone).
    private static async Task ChangeOneByteOfTheLedgerAsync(string zip)
    {
        using var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Update);
        var ledger = archive.Entries.Single(e => e.FullName.EndsWith("transactions.db", StringComparison.Ordinal));
        byte[] content;
        await using (var read = ledger.Open())
        using (var copy = new MemoryStream())
        {
            await read.CopyToAsync(copy);
            content = copy.ToArray();
        }

        content[content.Length / 2] ^= 0x5A;
        var name = ledger.FullName;
        ledger.Delete();
        await using var write = archive.CreateEntry(name).Open();
        await write.WriteAsync(content);
    }

    private async Task<string> TakeBackupAsync()
    {
        var response = await _host.Client.PostAsync("host/backups", content: null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["name"]!;
    }

    private async Task<string> DownloadAsync(string name)
    {
        var response = await _host.Client.GetAsync($"host/backups/{name}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var file = _downloads.Combine(name);
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        return file;
    }

    // The target has been used: a host ran on it and holds a ledger of its own.
    private async Task UseTargetOnceAsync()
    {
        await using var host = await _target.StartAsync();
        await PostAsync(host.Client, 2);
    }

    private static async Task PostAsync(HttpClient client, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var response = await client.PostAsJsonAsync("core/transactions", new { tx_type = "expense", amount = 3.5m, date = "2026-11-02", description = $"groceries {i}" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RestoreAsync(string zip, HostFolders into)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ValhallaCommand.RunAsync(["restore", zip, "--data", into.DataRoot, $"--Valhalla:PacksPath={into.DropFolder}"], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private HashSet<string> RestoredIds()
    {
        using var ledger = new SqliteConnection($"Data Source={Path.Combine(_target.DataRoot, "transactions", "transactions.db")};Mode=ReadOnly;Pooling=False");
        ledger.Open();
        using var check = ledger.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", check.ExecuteScalar());
        using var ids = ledger.CreateCommand();
        ids.CommandText = "SELECT id FROM transactions;";
        using var reader = ids.ExecuteReader();
        var found = new HashSet<string>();
        while (reader.Read())
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }
}
