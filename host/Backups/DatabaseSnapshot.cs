using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Valhalla.Host.Backups;

/// <summary>
/// Copies a live SQLite database with SQLite's online backup API. The copy runs in one step, under
/// one read transaction of the source: in WAL mode writers go on meanwhile, and the copy is the
/// database exactly as of the moment that transaction began — every commit before it, none after.
/// </summary>
internal static class DatabaseSnapshot
{
    /// <summary>Copies <paramref name="source"/> to the new file <paramref name="target"/>; returns the copy's <c>user_version</c>.</summary>
    public static int Copy(string source, string target)
    {
        using var from = Open(source, SqliteOpenMode.ReadWrite);
        using var to = Open(target, SqliteOpenMode.ReadWriteCreate);
        from.BackupDatabase(to);
        // A stand-alone file: the copy of a WAL database would otherwise want a -wal beside it.
        Execute(to, "PRAGMA journal_mode = DELETE;");
        return Convert.ToInt32(Execute(to, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
    }

    /// <summary>The <c>user_version</c> stored in a database file's header (bytes 60–63, big-endian), without opening it with SQLite.</summary>
    public static int UserVersionOf(string file)
    {
        Span<byte> header = stackalloc byte[64];
        using var stream = File.OpenRead(file);
        stream.ReadExactly(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header[60..]);
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c>; null when the file is sound, else SQLite's first complaints.</summary>
    public static string? IntegrityProblems(string file)
    {
        using var connection = Open(file, SqliteOpenMode.ReadWrite);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check(10);";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return lines is ["ok"] ? null : string.Join("; ", lines);
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = mode,
            Cache = SqliteCacheMode.Private,
            // No pool: the file must be closed when this returns (it is zipped, moved or restored next).
            Pooling = false,
        }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 5000;");
        return connection;
    }

    private static object? Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
