using Microsoft.Data.Sqlite;
using Valhalla.Host.Http;
using Valhalla.Testing;

namespace Valhalla.Host.Tests.Http;

public sealed class DiskFullTests
{
    [Fact]
    public void SQLite_refusing_to_grow_a_database_is_a_full_disk()
    {
        using var temp = new TempDirectory();
        using var connection = new SqliteConnection($"Data Source={temp.Combine("full.db")};Pooling=False");
        connection.Open();
        Execute(connection, "CREATE TABLE t (data BLOB)");
        var pages = Scalar(connection, "PRAGMA page_count");
        Execute(connection, $"PRAGMA max_page_count = {pages}");

        var full = Assert.Throws<SqliteException>(() => Execute(connection, "INSERT INTO t VALUES (zeroblob(100000))"));

        Assert.True(DiskFull.Is(full));
        Assert.True(DiskFull.Is(new InvalidOperationException("a pack wrapped it", full)));
    }

    [Fact]
    public void Writing_to_a_device_with_no_space_left_is_a_full_disk()
    {
        if (!File.Exists("/dev/full"))
        {
            return; // Only Linux has a device that is always full.
        }

        var full = Assert.ThrowsAny<IOException>(() =>
        {
            using var stream = new FileStream("/dev/full", FileMode.Open, FileAccess.Write);
            stream.Write(new byte[16]);
            stream.Flush();
        });

        Assert.True(DiskFull.Is(full));
        Assert.True(DiskFull.Is(new AggregateException(new InvalidOperationException("other"), full)));
    }

    [Fact]
    public void Other_failures_are_not_a_full_disk()
    {
        Assert.False(DiskFull.Is(new IOException("The process cannot access the file.")));
        Assert.False(DiskFull.Is(new FileNotFoundException("gone")));
        Assert.False(DiskFull.Is(new SqliteException("database is locked", 5)));
        Assert.False(DiskFull.Is(new InvalidOperationException("no", new ArgumentException("nothing"))));
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
