using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Valhalla.Host.Backups;
using Valhalla.Host.Configuration;
using Valhalla.Testing;

namespace Valhalla.Host.Tests.Backups;

/// <summary>
/// A backup zip is a file a stranger may hand over: restore refuses any byte changed anywhere, an edited
/// manifest, an entry the manifest does not list, a listed one missing and a name that leaves the data
/// root — each with exit 3 and the data root byte for byte as it was.
/// </summary>
public sealed class RestoreTrustsNothingTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _root = new();
    private readonly string _archive;
    private readonly SortedDictionary<string, string> _before;

    public RestoreTrustsNothingTests()
    {
        var source = Database(_root.Combine("source", "ledger.db"), rows: 40);
        var sources = new[] { new BackupSource("P-LEDGER", "1.0.0", "ledger/ledger.db", source, PackJson()) };
        _archive = BackupArchive.WriteAsync(sources, _root.Combine("backups"), BackupNames.For(Now), Now, CancellationToken.None).GetAwaiter().GetResult().File;
        Database(_root.Combine("data", "ledger", "ledger.db"), rows: 3);
        Directory.CreateDirectory(_root.Combine("drop"));
        _before = Files();
    }

    [Fact]
    public async Task The_untouched_archive_restores()
    {
        var (exit, _, error) = await RestoreAsync(_archive);

        Assert.True(exit == Restorer.Restored, error);
        Assert.NotEqual(_before["ledger/ledger.db"], Files()["ledger/ledger.db"]);
    }

    [Fact]
    public async Task One_byte_flipped_in_any_region_is_refused()
    {
        var original = await File.ReadAllBytesAsync(_archive);
        var offsets = Regions(original).Concat(Enumerable.Range(0, original.Length).Where(i => i % 61 == 0)).Distinct().Order().ToList();
        var copy = _root.Combine("flipped.zip");
        foreach (var offset in offsets)
        {
            var bytes = (byte[])original.Clone();
            bytes[offset] ^= 0x01;
            await File.WriteAllBytesAsync(copy, bytes);

            var (exit, _, error) = await RestoreAsync(copy);

            Assert.True(exit == Restorer.ArchiveInvalid, $"byte {offset} of {original.Length} flipped: exit {exit}, {error}");
            Assert.Contains("Refused, nothing was changed", error);
        }

        Assert.Equal(_before, Files());
    }

    [Fact]
    public async Task A_manifest_rewritten_with_the_archive_checksum_left_is_refused()
    {
        await RewriteAsync(zip => Replace(zip, BackupManifest.EntryName, Read(zip, BackupManifest.EntryName).Replace("2026-12-01", "2026-12-02", StringComparison.Ordinal)));

        await AssertRefusedAsync("archive checksum");
    }

    [Fact]
    public async Task A_manifest_whose_zip_crc_is_wrong_is_refused_even_when_resealed()
    {
        var bytes = await File.ReadAllBytesAsync(_archive);
        var (header, _) = Manifest(bytes);
        var central = Entry(bytes, 0x02014b50, 46, BackupManifest.EntryName);
        bytes[header + 14] ^= 0x01;
        bytes[central + 16] ^= 0x01;
        await File.WriteAllBytesAsync(_archive, bytes);
        await ResealAsync();

        await AssertRefusedAsync("manifest.json does not match the zip's own CRC-32");
    }

    [Fact]
    public async Task An_entry_the_manifest_does_not_list_is_refused()
    {
        await RewriteAsync(zip => Replace(zip, "data/ledger/extra.db", "not listed"));
        await ResealAsync();

        await AssertRefusedAsync("data/ledger/extra.db, which its manifest does not list");
    }

    [Fact]
    public async Task A_listed_entry_missing_is_refused()
    {
        await RewriteAsync(zip => zip.GetEntry("packs/P-LEDGER/pack.json")!.Delete());
        await ResealAsync();

        await AssertRefusedAsync("packs/P-LEDGER/pack.json");
    }

    [Theory]
    [InlineData("../outside.db")]
    [InlineData("data/../../outside.db")]
    [InlineData("/tmp/outside.db")]
    [InlineData("data\\..\\..\\outside.db")]
    public async Task An_entry_named_outside_the_data_root_is_refused(string name)
    {
        await RewriteAsync(zip => Replace(zip, name, "escape"));
        await ResealAsync();

        await AssertRefusedAsync("does not stay inside the data root");
        Assert.False(File.Exists(_root.Combine("outside.db")));
    }

    [Fact]
    public async Task An_archive_without_its_checksum_is_refused()
    {
        await RewriteAsync(zip => zip.Comment = "");

        await AssertRefusedAsync("no archive checksum");
    }

    private async Task AssertRefusedAsync(string reason)
    {
        var (exit, _, error) = await RestoreAsync(_archive);

        Assert.Equal(Restorer.ArchiveInvalid, exit);
        Assert.StartsWith("Refused, nothing was changed", error);
        Assert.True(error.Contains(reason, StringComparison.Ordinal), error);
        Assert.Equal(_before, Files());
    }

    private async Task<(int Exit, string Output, string Error)> RestoreAsync(string archive)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await new Restorer(new ValhallaPaths(_root.Combine("data"), _root.Combine("drop")), TimeProvider.System, output, error).RunAsync(archive, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    // A local header, the start of each entry's data, the manifest's data, the central directory and the end record.
    private static IEnumerable<int> Regions(byte[] zip)
    {
        var central = Find(zip, 0x02014b50);
        var end = Find(zip, 0x06054b50);
        var manifest = Manifest(zip);
        return [0, 4, 14, 26, 30, 40, manifest.Header + 14, manifest.Data, manifest.Data + 5, central, central + 16, central + 46, end, end + 10, end + 20, zip.Length - 1];
    }

    // The manifest's local header and the start of its data (its name follows the 30-byte header).
    private static (int Header, int Data) Manifest(byte[] zip)
    {
        var header = Entry(zip, 0x04034b50, 30, BackupManifest.EntryName);
        return (header, header + 30 + BackupManifest.EntryName.Length + BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(header + 28)));
    }

    // The record with this signature whose entry name starts at offset nameAt.
    private static int Entry(byte[] zip, uint signature, int nameAt, string name)
    {
        var bytes = Encoding.ASCII.GetBytes(name);
        for (var i = 0; i < zip.Length - nameAt; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) == signature && zip.AsSpan(i + nameAt).StartsWith(bytes))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"no {name}");
    }

    private static int Find(byte[] zip, uint signature)
    {
        for (var i = zip.Length - 4; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) == signature)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"no signature {signature:x8}");
    }

    private async Task RewriteAsync(Action<ZipArchive> change)
    {
        await using var zip = await ZipArchive.CreateAsync(File.Open(_archive, FileMode.Open), ZipArchiveMode.Update, leaveOpen: false, entryNameEncoding: null);
        change(zip);
    }

    // What a forger would do: make the archive's checksum anew after changing it.
    private async Task ResealAsync()
    {
        await RewriteAsync(zip => zip.Comment = BackupSeal.Placeholder);
        await BackupSeal.SealAsync(_archive, CancellationToken.None);
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static void Replace(ZipArchive zip, string name, string content)
    {
        zip.GetEntry(name)?.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(content);
    }

    private SortedDictionary<string, string> Files()
    {
        var data = _root.Combine("data");
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(data, file)] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return files;
    }

    private static string Database(string file, int rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE rows (id INTEGER PRIMARY KEY, value TEXT NOT NULL); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows}) INSERT INTO rows (value) SELECT 'row ' || i FROM n; PRAGMA user_version = 1;";
        command.ExecuteNonQuery();
        return file;
    }

    private string PackJson()
    {
        var file = _root.Combine("pack.json");
        File.WriteAllText(file, """{"code":"P-LEDGER"}""");
        return file;
    }

    public void Dispose() => _root.Dispose();
}
