using System.Data;
using System.Reflection;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using Valhalla.Contracts.Values;
using Valhalla.Testing;

namespace Valhalla.Packs.Kit.Tests;

/// <summary>How the shared value types are stored and read back in a real SQLite file, and the snake_case convention.</summary>
[Collection(nameof(DapperCollection))]
public sealed class DapperTypeHandlersTests : IDisposable
{
    private static readonly Values Written = new(
        new Money(-1250),
        Month.Of(2026, 3),
        new DateTimeOffset(2026, 1, 5, 10, 0, 0, 50, TimeSpan.FromHours(2)),
        new DateOnly(2026, 1, 9),
        new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(-5)),
        null,
        new DateOnly(2027, 12, 31),
        null);

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Values_are_stored_as_sortable_integers_and_invariant_text()
    {
        DapperTypeHandlers.Register();
        await using var connection = await OpenAsync("stored.db");

        await WriteAsync(connection);

        Assert.Equal(
            ["integer:-1250", "text:2026-03", "text:2026-01-05T08:00:00.050Z", "text:2026-01-09",
             "text:2026-07-01T05:00:00.000Z", "null:", "text:2027-12-31", "null:"],
            await StoredAsync(connection));
    }

    [Fact]
    public async Task Values_read_back_equal_the_values_written_with_snake_case_columns_mapped_by_name()
    {
        DapperTypeHandlers.Register();
        await using var connection = await OpenAsync("read.db");
        await WriteAsync(connection);

        var read = await ReadAsync(connection);

        Assert.Equal(Written, read);
        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (read.At.Offset, read.MaybeAt!.Value.Offset));
    }

    [Fact]
    public async Task Registering_sets_up_a_fresh_Dapper_once_and_registering_again_changes_nothing()
    {
        FreshDapper.Restore();
        Assert.False(SqlMapper.HasTypeHandler(typeof(Money)));
        Assert.False(DefaultTypeMap.MatchNamesWithUnderscores);

        DapperTypeHandlers.Register();
        DapperTypeHandlers.Register();

        Assert.True(DefaultTypeMap.MatchNamesWithUnderscores);
        await using var connection = await OpenAsync("fresh.db");
        await WriteAsync(connection);
        Assert.Equal(
            ["integer:-1250", "text:2026-03", "text:2026-01-05T08:00:00.050Z", "text:2026-01-09",
             "text:2026-07-01T05:00:00.000Z", "null:", "text:2027-12-31", "null:"],
            await StoredAsync(connection));
        Assert.Equal(Written, await ReadAsync(connection));
        await AssertOtherFormsRefusedAsync(connection);
    }

    [Fact]
    public async Task Money_is_read_from_any_integer_column()
    {
        DapperTypeHandlers.Register();
        await using var connection = await OpenAsync("money.db");

        Assert.Equal(new Money(99_999_999_999), await connection.QuerySingleAsync<Money>("SELECT 99999999999"));
        Assert.Equal(new Money(7), await connection.QuerySingleAsync<Money>("SELECT 7"));
    }

    [Fact]
    public async Task Times_and_days_stored_in_any_other_form_are_refused_when_read()
    {
        DapperTypeHandlers.Register();
        await using var connection = await OpenAsync("strict.db");

        await AssertOtherFormsRefusedAsync(connection);
    }

    // Microsoft.Data.Sqlite alone would read both ("2026-1-9" as 9 January); the Kit's handlers read only what they write.
    private static async Task AssertOtherFormsRefusedAsync(SqliteConnection connection)
    {
        const string at = "SELECT '2026-01-05 09:00:00' AS value";
        const string day = "SELECT '2026-1-9' AS value";

        await AssertRefusedAsync(() => connection.QuerySingleAsync<One<DateTimeOffset>>(at));
        await AssertRefusedAsync(() => connection.QuerySingleAsync<One<DateTimeOffset?>>(at));
        await AssertRefusedAsync(() => connection.QuerySingleAsync<One<DateOnly>>(day));
        await AssertRefusedAsync(() => connection.QuerySingleAsync<One<DateOnly?>>(day));
    }

    private static async Task AssertRefusedAsync<T>(Func<Task<T>> read)
    {
        var refused = await Assert.ThrowsAsync<DataException>(read);
        Assert.IsType<FormatException>(refused.InnerException);
    }

    public void Dispose() => _temp.Dispose();

    private async Task<SqliteConnection> OpenAsync(string file)
    {
        var connection = new SqliteConnection($"Data Source={_temp.Combine(file)};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync("""
            CREATE TABLE vals (money, month, at, day, maybe_at, no_at, maybe_day, no_day);
            """);
        return connection;
    }

    private static Task WriteAsync(SqliteConnection connection) => connection.ExecuteAsync("""
        INSERT INTO vals (money, month, at, day, maybe_at, no_at, maybe_day, no_day)
        VALUES (@Money, @Month, @At, @Day, @MaybeAt, @NoAt, @MaybeDay, @NoDay)
        """, Written);

    // typeof() per value: what SQLite holds, whatever the column was declared as.
    private static async Task<List<string>> StoredAsync(SqliteConnection connection)
    {
        string[] columns = ["money", "month", "at", "day", "maybe_at", "no_at", "maybe_day", "no_day"];
        var sql = "SELECT " + string.Join(" || '|' || ", columns.Select(c => $"typeof({c}) || ':' || ifnull({c}, '')")) + " FROM vals";
        return [.. (await connection.QuerySingleAsync<string>(sql)).Split('|')];
    }

    private static Task<Values> ReadAsync(SqliteConnection connection) =>
        connection.QuerySingleAsync<Values>("SELECT money, month, at, day, maybe_at, no_at, maybe_day, no_day FROM vals");

    private sealed record One<T>(T Value);

    private sealed record Values(Money Money, Month Month, DateTimeOffset At, DateOnly Day, DateTimeOffset? MaybeAt, DateTimeOffset? NoAt, DateOnly? MaybeDay, DateOnly? NoDay);
}

/// <summary>
/// Dapper as this process had it before anything called <see cref="DapperTypeHandlers.Register"/>: its type map
/// (an immutable dictionary Dapper replaces on every change, kept from when the test assembly loaded), no handlers,
/// no snake_case convention, and the Kit's once-only flag cleared.
/// </summary>
internal static class FreshDapper
{
    private static readonly FieldInfo TypeMap = typeof(SqlMapper).GetField("typeMap", BindingFlags.NonPublic | BindingFlags.Static)!;
    private static object? _original;

    [ModuleInitializer]
    internal static void Remember() => _original = TypeMap.GetValue(null);

    public static void Restore()
    {
        typeof(DapperTypeHandlers).GetField("_registered", BindingFlags.NonPublic | BindingFlags.Static)!.SetValue(null, 0);
        TypeMap.SetValue(null, _original);
        SqlMapper.ResetTypeHandlers();
        SqlMapper.PurgeQueryCache();
        DefaultTypeMap.MatchNamesWithUnderscores = false;
    }
}
