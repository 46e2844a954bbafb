using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Valhalla.Contracts.Stores;
using Valhalla.Host.Stores;
using Valhalla.Testing;

namespace Valhalla.Host.Tests.Stores;

/// <summary>The migrator alone, on a real SQLite file: what it applies, counts, logs and refuses.</summary>
public sealed class MigratorTests : IAsyncLifetime
{
    private static readonly Migration One = new(1, "001_items", "CREATE TABLE items (id INTEGER PRIMARY KEY);");
    private static readonly Migration Two = new(2, "002_more", "CREATE TABLE more (id INTEGER PRIMARY KEY);");
    private static readonly Migration Three = new(3, "003_most", "CREATE TABLE most (id INTEGER PRIMARY KEY);");

    private readonly TempDirectory _temp = new();
    private readonly ListLogger _logger = new();
    private SqliteConnection _connection = null!;

    public async Task InitializeAsync() => _connection = await SqliteConnections.OpenWriterAsync(_temp.Combine("m.db"), CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Migrations_apply_in_number_order_whatever_their_list_order_and_are_counted_and_logged()
    {
        var applied = await Migrator.ApplyAsync(_connection, "m/m.db", [Three, One, Two], _logger, CancellationToken.None);

        Assert.Equal(3, applied);
        Assert.Equal(3, await Migrator.UserVersionAsync(_connection, CancellationToken.None));
        Assert.Equal(
            ["Migrated m/m.db to version 1 (001_items)", "Migrated m/m.db to version 2 (002_more)", "Migrated m/m.db to version 3 (003_most)"],
            _logger.Messages);
        Assert.All(_logger.Levels, level => Assert.Equal(LogLevel.Information, level));
    }

    [Fact]
    public async Task Only_migrations_above_the_current_version_apply()
    {
        await Migrator.ApplyAsync(_connection, "m/m.db", [One, Two], _logger, CancellationToken.None);

        var applied = await Migrator.ApplyAsync(_connection, "m/m.db", [One, Two, Three], _logger, CancellationToken.None);

        Assert.Equal(1, applied);
        Assert.Equal("Migrated m/m.db to version 3 (003_most)", _logger.Messages[^1]);
        Assert.Equal(0, await Migrator.ApplyAsync(_connection, "m/m.db", [One, Two, Three], _logger, CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_migration_names_itself_and_its_database_and_keeps_the_earlier_ones()
    {
        var broken = new Migration(2, "002_broken", "CREATE TABLE half (id INTEGER); SELECT * FROM nowhere;");

        var failure = await Assert.ThrowsAsync<MigrationFailedException>(() => Migrator.ApplyAsync(_connection, "m/m.db", [One, broken, Three], _logger, CancellationToken.None));

        Assert.Equal(("m/m.db", "002_broken"), (failure.DataPath, failure.Migration));
        Assert.StartsWith("Migration 002_broken of m/m.db failed and was rolled back: ", failure.Message);
        Assert.IsType<SqliteException>(failure.InnerException);
        Assert.EndsWith(failure.InnerException.Message, failure.Message);
        Assert.Equal(1, await Migrator.UserVersionAsync(_connection, CancellationToken.None));
        Assert.Equal(["Migrated m/m.db to version 1 (001_items)"], _logger.Messages);
    }

    [Fact]
    public async Task Two_migrations_with_one_number_are_refused_before_any_runs()
    {
        var twin = new Migration(1, "001_twin", "CREATE TABLE twin (id INTEGER);");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator.ApplyAsync(_connection, "m/m.db", [One, Two, twin], _logger, CancellationToken.None));

        Assert.Equal("Migrations of m/m.db number 1 twice: 001_items, 001_twin.", refused.Message);
        Assert.Equal(0, await Migrator.UserVersionAsync(_connection, CancellationToken.None));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_migration_numbered_below_one_is_refused(int version)
    {
        var zero = new Migration(version, "000_zero", "SELECT 1;");

        var refused = Assert.Throws<InvalidOperationException>(() => Migrator.ApplyAsync(_connection, "m/m.db", [One, zero], _logger, CancellationToken.None).GetAwaiter().GetResult());

        Assert.Equal("Migration 000_zero of m/m.db must have a positive number.", refused.Message);
    }

    [Fact]
    public async Task No_migration_leaves_version_zero() =>
        Assert.Equal(0, await Migrator.ApplyAsync(_connection, "m/m.db", [], _logger, CancellationToken.None));

    private sealed class ListLogger : ILogger
    {
        public List<string> Messages { get; } = [];

        public List<LogLevel> Levels { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Levels.Add(logLevel);
            Messages.Add(formatter(state, exception));
        }
    }
}
