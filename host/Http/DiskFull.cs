using Microsoft.Data.Sqlite;

namespace Valhalla.Host.Http;

/// <summary>Tells whether an exception means the disk (or the database file's allowed size) is full.</summary>
internal static class DiskFull
{
    private const int SqliteFull = 13;

    // ENOSPC on Linux and macOS (.NET puts the errno in HResult), ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows.
    private static readonly int[] DiskFullHResults = [28, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    /// <summary>True when <paramref name="exception"/> or any exception inside it is SQLite's SQLITE_FULL or an I/O error for a full disk.</summary>
    public static bool Is(Exception? exception) => exception switch
    {
        null => false,
        SqliteException sqlite when sqlite.SqliteErrorCode == SqliteFull || (sqlite.SqliteExtendedErrorCode & 0xFF) == SqliteFull => true,
        IOException io when DiskFullHResults.Contains(io.HResult) => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(Is),
        _ => Is(exception.InnerException),
    };
}
