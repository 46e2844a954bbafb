using System.Data.Common;
using Valhalla.Contracts.Services;

namespace Valhalla.Packs.Kit;

/// <summary>
/// Adds many money events to the outbox (a whole import) with one prepared command, inside one
/// transaction, each as it is made: nothing is collected first, so memory stays flat however many there are.
/// The values are written as <see cref="Outbox.AppendAsync"/> writes them (Kit's Dapper type handlers).
/// </summary>
public sealed class OutboxWriter : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _values;

    private OutboxWriter(DbCommand command, DbParameter[] values)
    {
        _command = command;
        _values = values;
    }

    /// <summary>A writer for <paramref name="transaction"/>; dispose it before the transaction ends.</summary>
    public static OutboxWriter Prepare(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Outbox.InsertSql;
        var values = new[] { "@Id", "@Pack", "@Kind", "@SubjectId", "@Amount", "@At", "@Detail", "@Actor" }.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        command.Prepare();
        return new OutboxWriter(command, values);
    }

    public async Task AppendAsync(MoneyEvent moneyEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(moneyEvent);
        if (moneyEvent.Id is null)
        {
            throw new ArgumentException("An outbox event needs an id; make it with MoneyEvents.Create.", nameof(moneyEvent));
        }

        _values[0].Value = moneyEvent.Id;
        _values[1].Value = moneyEvent.Pack;
        _values[2].Value = moneyEvent.Kind;
        _values[3].Value = moneyEvent.SubjectId;
        _values[4].Value = moneyEvent.Amount is { } amount ? amount.MinorUnits : DBNull.Value;
        _values[5].Value = Timestamps.Format(moneyEvent.At);
        _values[6].Value = (object?)moneyEvent.Detail ?? DBNull.Value;
        _values[7].Value = (object?)moneyEvent.Actor ?? DBNull.Value;
        await _command.ExecuteNonQueryAsync(ct);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
