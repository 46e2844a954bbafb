using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Valhalla.Contracts.Stores;
using Valhalla.Host.Stores;
using Valhalla.Testing;
using static Valhalla.Host.Tests.Stores.Sql;

namespace Valhalla.Host.Tests.Stores;

/// <summary>
/// What a pack database leaves behind: once closed, or once it failed to open, nothing holds its file, so
/// a replaced pack's folder can be moved or backed up and a broken file can be mended.
/// </summary>
public sealed class DatabaseFilesTests : IDisposable
{
    private static readonly Migration CreateItems = new(1, "001_items", "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL);");

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_closed_database_holds_none_of_its_files_and_leaves_no_wal_behind()
    {
        var file = _temp.Combine("d", "items.db");
        var db = await SqlitePackDatabase.OpenAsync("d/items.db", file, [CreateItems], NullLogger.Instance);
        await db.WriteAsync((c, tx, ct) => ExecuteAsync(c, tx, "INSERT INTO items (name) VALUES ('kept')", ct));
        await db.ReadAsync((c, ct) => LongAsync(c, "SELECT count(*) FROM items", ct)); // leaves an idle reader
        Assert.True(OpenFiles.To(file) >= 3); // the file and the WAL's two, on the writer and the reader

        await db.DisposeAsync();

        Assert.Equal(0, OpenFiles.To(file));
        Assert.False(File.Exists(file + "-wal"));
        Assert.Equal(1L, await CountInFileAsync(file));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_and_not_held_open()
    {
        var file = _temp.Combine("d", "items.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "not a database, but long enough to have a header SQLite reads and refuses: " + new string('x', 200));

        var refused = await Assert.ThrowsAsync<SqliteException>(() => SqlitePackDatabase.OpenAsync("d/items.db", file, [CreateItems], NullLogger.Instance));

        Assert.Equal(26, refused.SqliteErrorCode); // SQLITE_NOTADB
        Assert.Equal(0, OpenFiles.To(file));
    }

    [Fact]
    public async Task A_database_whose_migration_fails_is_not_held_open()
    {
        var file = _temp.Combine("d", "items.db");
        var broken = new Migration(2, "002_broken", "INSERT INTO no_such_table VALUES (1);");

        await Assert.ThrowsAsync<MigrationFailedException>(() => SqlitePackDatabase.OpenAsync("d/items.db", file, [CreateItems, broken], NullLogger.Instance));

        Assert.Equal(0, OpenFiles.To(file));
    }

    private static async Task<long> CountInFileAsync(string file)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        return await LongAsync(connection, "SELECT count(*) FROM items", CancellationToken.None);
    }
}
