using System.Data.Common;

namespace Valhalla.Host.Tests.Stores;

/// <summary>Plain ADO.NET statements for the store tests, on a connection (and transaction) the store hands out.</summary>
internal static class Sql
{
    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<long> LongAsync(DbConnection connection, string sql, CancellationToken ct, DbTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
