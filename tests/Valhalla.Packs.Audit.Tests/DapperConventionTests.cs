using Dapper;
using Microsoft.Data.Sqlite;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;
using Valhalla.Testing;

namespace Valhalla.Packs.Audit.Tests;

/// <summary>The Kit's Dapper set-up maps snake_case columns by convention, so no query needs <c>AS</c> aliases.</summary>
public sealed class DapperConventionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Snake_case_columns_map_onto_a_record_and_a_class_without_aliases()
    {
        DapperTypeHandlers.Register();
        await using var connection = new SqliteConnection($"Data Source={_temp.Combine("convention.db")};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync("""
            CREATE TABLE rows (subject_id TEXT NOT NULL, minor_amount INTEGER NOT NULL, recorded_at TEXT NOT NULL);
            INSERT INTO rows (subject_id, minor_amount, recorded_at) VALUES ('tx_aaaaaaaaaaaa', 1250, '2026-01-05T09:00:00.000Z');
            """);

        var record = await connection.QuerySingleAsync<PositionalRow>("SELECT subject_id, minor_amount, recorded_at FROM rows");
        var settable = await connection.QuerySingleAsync<SettableRow>("SELECT subject_id, minor_amount, recorded_at FROM rows");

        var expected = new PositionalRow("tx_aaaaaaaaaaaa", new Money(1250), new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(expected, record);
        Assert.Equal(expected, new PositionalRow(settable.SubjectId, settable.MinorAmount, settable.RecordedAt));
    }

    public void Dispose() => _temp.Dispose();

    private sealed record PositionalRow(string SubjectId, Money MinorAmount, DateTimeOffset RecordedAt);

    private sealed class SettableRow
    {
        public string SubjectId { get; init; } = "";

        public Money MinorAmount { get; init; }

        public DateTimeOffset RecordedAt { get; init; }
    }
}
