using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Valhalla.Contracts.Stores;
using Valhalla.Host.Stores;
using Valhalla.Testing;
using static Valhalla.Host.Tests.Stores.Sql;

namespace Valhalla.Host.Tests.Stores;

public sealed class SqlitePackDatabaseTests : IDisposable
{
    private static readonly Migration CreateItems = new(1, "001_items", "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);");
    private static readonly Migration AddPrice = new(2, "002_price", "ALTER TABLE items ADD COLUMN price INTEGER NOT NULL DEFAULT 0;");

    private readonly TempDirectory _temp = new();

    private string FilePath => _temp.Combine("store", "items.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Migrations_run_once_across_restarts()
    {
        await using (var first = await OpenAsync(CreateItems))
        {
            await InsertAsync(first, "milk");
        }

        // Re-running 001 would fail (table exists); only 002 is applied, and the data stays.
        await using var second = await OpenAsync(CreateItems, AddPrice);

        Assert.Equal(2, await UserVersionAsync());
        Assert.Equal(["milk"], await NamesAsync(second));
    }

    [Fact]
    public async Task A_failing_migration_rolls_back_entirely_and_keeps_the_version()
    {
        await (await OpenAsync(CreateItems)).DisposeAsync();
        var halfBroken = new Migration(2, "002_half", "CREATE TABLE extra (id INTEGER); INSERT INTO no_such_table VALUES (1);");

        var failure = await Assert.ThrowsAsync<MigrationFailedException>(() => OpenAsync(CreateItems, halfBroken));

        Assert.Contains("002_half", failure.Message);
        Assert.Equal(1, await UserVersionAsync());
        Assert.False(await TableExistsAsync("extra"));
    }

    [Fact]
    public async Task Opening_sets_wal_and_money_grade_durability()
    {
        await using var db = await OpenAsync(CreateItems);

        var journal = await db.ReadAsync((c, ct) => ScalarAsync(c, "PRAGMA journal_mode;", ct));
        var synchronous = await db.WriteAsync((c, tx, ct) => ScalarAsync(c, "PRAGMA synchronous;", ct, tx));
        var foreignKeys = await db.ReadAsync((c, ct) => ScalarAsync(c, "PRAGMA foreign_keys;", ct));

        Assert.Equal("wal", journal);
        Assert.Equal("2", synchronous); // FULL
        Assert.Equal("1", foreignKeys);
    }

    [Fact]
    public async Task Concurrent_writes_all_commit_without_busy_errors()
    {
        await using var db = await OpenAsync(CreateItems);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => InsertAsync(db, $"item-{i}"))));

        Assert.Equal(200, (await NamesAsync(db)).Count);
    }

    [Fact]
    public async Task A_failing_write_is_undone_alone_while_its_batch_commits()
    {
        await using var db = await OpenAsync(CreateItems);
        await InsertAsync(db, "taken");
        var batches = new ConcurrentQueue<int>();
        db.Writer.BatchStarting = batches.Enqueue;

        // A first write holds the writer until the others are queued behind it, so they must share one
        // batch. Each write joins the queue before WriteAsync first yields, so all 50 are queued once
        // the list is built.
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = db.WriteAsync(async (c, tx, ct) =>
        {
            holding.SetResult();
            await release.Task;
            return await ExecuteAsync(c, tx, "INSERT INTO items (name) VALUES ('first')", ct);
        });
        await holding.Task;
        var writes = Enumerable.Range(0, 50).Select(i => InsertAsync(db, i % 5 == 0 ? "taken" : $"item-{i}")).ToList();
        release.SetResult();
        await first;
        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                await w;
                return true;
            }
            catch (SqliteException)
            {
                return false;
            }
        }));

        Assert.Equal([1, 50], batches);
        Assert.Equal(10, outcomes.Count(ok => !ok));
        Assert.Equal(42, (await NamesAsync(db)).Count);
    }

    [Fact]
    public async Task A_write_that_throws_leaves_nothing_of_its_own_behind()
    {
        await using var db = await OpenAsync(CreateItems);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.WriteAsync<int>(async (c, tx, ct) =>
        {
            await ExecuteAsync(c, tx, "INSERT INTO items (name) VALUES ('half')", ct);
            throw new InvalidOperationException("rule broken after the insert");
        }));

        Assert.Empty(await NamesAsync(db));
    }

    [Fact]
    public async Task Readers_cannot_write()
    {
        await using var db = await OpenAsync(CreateItems);

        await Assert.ThrowsAsync<SqliteException>(() =>
            db.ReadAsync((c, ct) => ExecuteAsync(c, null, "INSERT INTO items (name) VALUES ('sneaky')", ct)));
    }

    private Task<SqlitePackDatabase> OpenAsync(params Migration[] migrations) =>
        SqlitePackDatabase.OpenAsync("store/items.db", FilePath, migrations, NullLogger.Instance);

    private static Task<int> InsertAsync(IPackDatabase db, string name) =>
        db.WriteAsync((c, tx, ct) => ExecuteAsync(c, tx, $"INSERT INTO items (name) VALUES ('{name}')", ct));

    private static async Task<string> ScalarAsync(DbConnection connection, string sql, CancellationToken ct, DbTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static Task<List<string>> NamesAsync(IPackDatabase db) => db.ReadAsync(async (c, ct) =>
    {
        await using var command = c.CreateCommand();
        command.CommandText = "SELECT name FROM items ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    });

    private async Task<long> UserVersionAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<bool> TableExistsAsync(string table)
    {
        await using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}';";
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
