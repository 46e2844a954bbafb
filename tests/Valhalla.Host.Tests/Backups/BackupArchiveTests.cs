using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Valhalla.Host.Backups;
using Valhalla.Testing;

namespace Valhalla.Host.Tests.Backups;

public sealed class BackupArchiveTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _root = new();

    [Fact]
    public async Task A_snapshot_holds_what_was_committed_and_not_what_a_writer_has_open()
    {
        var source = Database("ledger/ledger.db", rows: 100, userVersion: 3);
        await using var writer = Open(source);
        using var open = writer.BeginTransaction();
        Execute(writer, "INSERT INTO rows (value) VALUES (999);", open);

        var schema = DatabaseSnapshot.Copy(source, _root.Combine("copy.db"));

        Assert.Equal(3, schema);
        await using var copy = Open(_root.Combine("copy.db"));
        Assert.Equal(100L, Execute(copy, "SELECT count(*) FROM rows;"));
        Assert.Null(DatabaseSnapshot.IntegrityProblems(_root.Combine("copy.db")));
    }

    [Fact]
    public async Task An_archive_lists_each_database_with_its_schema_size_and_checksum_and_verifies()
    {
        var sources = new[]
        {
            new BackupSource(null, null, "host/host.db", Database("host/host.db", rows: 1, userVersion: 1), null),
            new BackupSource("P-LEDGER", "2.0.0", "ledger/ledger.db", Database("ledger/ledger.db", rows: 50, userVersion: 4), PackJson()),
        };

        var (file, size) = await BackupArchive.WriteAsync(sources, _root.Combine("backups"), BackupNames.For(Now), Now, CancellationToken.None);
        var manifest = await BackupVerifier.VerifyAsync(file, CancellationToken.None);

        Assert.Equal(new FileInfo(file).Length, size);
        Assert.Equal(["host/host.db", "ledger/ledger.db"], manifest.Databases.Select(d => d.DataPath));
        Assert.Equal([1, 4], manifest.Databases.Select(d => d.SchemaVersion));
        Assert.All(manifest.Databases, d => Assert.Equal(64, d.Sha256.Length));
        Assert.Equal("P-LEDGER", Assert.Single(manifest.Packs).Pack);
        Assert.Equal([BackupNames.For(Now)], Directory.EnumerateFiles(_root.Combine("backups")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_failed_backup_leaves_no_file_behind()
    {
        var sources = new[] { new BackupSource("P-LEDGER", "1.0.0", "ledger/ledger.db", _root.Combine("missing.db"), PackJson()) };

        await Assert.ThrowsAsync<SqliteException>(() =>
            BackupArchive.WriteAsync(sources, _root.Combine("backups"), BackupNames.For(Now), Now, CancellationToken.None));

        Assert.Empty(Directory.EnumerateFileSystemEntries(_root.Combine("backups")));
    }

    [Fact]
    public async Task A_changed_database_fails_verification_naming_it()
    {
        var sources = new[] { new BackupSource("P-LEDGER", "1.0.0", "ledger/ledger.db", Database("ledger/ledger.db", rows: 10, userVersion: 1), PackJson()) };
        var (file, _) = await BackupArchive.WriteAsync(sources, _root.Combine("backups"), BackupNames.For(Now), Now, CancellationToken.None);
        await ReplaceEntryAsync(file, "data/ledger/ledger.db", Database("other/ledger.db", rows: 11, userVersion: 1));
        await BackupSeal.SealAsync(file, CancellationToken.None); // as a forger would: only the manifest can tell

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => BackupVerifier.VerifyAsync(file, CancellationToken.None));

        Assert.Contains("data/ledger/ledger.db", refused.Message);
    }

    private string Database(string dataPath, int rows, int userVersion)
    {
        var file = _root.Combine("data", dataPath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var connection = Open(file);
        Execute(connection, $"PRAGMA journal_mode = WAL; CREATE TABLE rows (id INTEGER PRIMARY KEY, value INTEGER NOT NULL); PRAGMA user_version = {userVersion};");
        using var insert = connection.BeginTransaction();
        for (var i = 0; i < rows; i++)
        {
            Execute(connection, $"INSERT INTO rows (value) VALUES ({i});", insert);
        }

        insert.Commit();
        return file;
    }

    private string PackJson()
    {
        var file = _root.Combine("pack.json");
        File.WriteAllText(file, """{"code":"P-LEDGER"}""");
        return file;
    }

    private static async Task ReplaceEntryAsync(string zipFile, string entryName, string withFile)
    {
        await using var zip = await ZipArchive.CreateAsync(File.Open(zipFile, FileMode.Open), ZipArchiveMode.Update, leaveOpen: false, entryNameEncoding: null);
        zip.GetEntry(entryName)!.Delete();
        await zip.CreateEntryFromFileAsync(withFile, entryName);
        zip.Comment = BackupSeal.Placeholder;
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose() => _root.Dispose();
}
