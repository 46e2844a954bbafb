using System.Data.Common;
using System.Globalization;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>
/// The insert of an imported row, prepared once and run for every row of a file inside its one
/// transaction, with values written as the pack's Dapper type handlers write them.
/// </summary>
internal sealed class ImportInsert : IAsyncDisposable
{
    private const string Sql = """
        INSERT INTO transactions (id, tx_type, amount, date, description, bucket_id, priority, links, status, created_at, updated_at, import_id)
        VALUES (@Id, @TxType, @Amount, @Date, @Description, @BucketId, @Priority, @Links, 'posted', @CreatedAt, @CreatedAt, @ImportId)
        """;

    private readonly DbCommand _command;
    private readonly DbParameter[] _values;

    private ImportInsert(DbCommand command, DbParameter[] values)
    {
        _command = command;
        _values = values;
    }

    /// <param name="createdAt">The one time of the whole import.</param>
    public static ImportInsert Prepare(DbConnection connection, DbTransaction transaction, DateTimeOffset createdAt)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        var values = new[] { "@Id", "@TxType", "@Amount", "@Date", "@Description", "@BucketId", "@Priority", "@Links", "@CreatedAt", "@ImportId" }.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        values[8].Value = Timestamps.Format(createdAt);
        command.Prepare();
        return new ImportInsert(command, values);
    }

    public async Task InsertAsync(string id, ImportRow row, CancellationToken ct)
    {
        _values[0].Value = id;
        _values[1].Value = row.TxType;
        _values[2].Value = row.Amount.MinorUnits;
        _values[3].Value = row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        _values[4].Value = (object?)row.Description ?? DBNull.Value;
        _values[5].Value = (object?)row.BucketId ?? DBNull.Value;
        _values[6].Value = row.Priority;
        _values[7].Value = row.Links is null ? DBNull.Value : LinksTypeHandler.Serialize(row.Links);
        _values[9].Value = row.ImportId;
        await _command.ExecuteNonQueryAsync(ct);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
