using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Valhalla.Host.Configuration;
using Valhalla.Host.Stores;
using Valhalla.Testing;

namespace Valhalla.Host.Tests.Stores;

public sealed class HostDatabaseTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_host_database_is_opened_once_under_host_and_migrated()
    {
        var paths = new ValhallaPaths(_temp.Combine("data"), _temp.Combine("data", "packs"));
        await using var host = new HostDatabase(paths, NullLogger<HostDatabase>.Instance);

        var first = await host.GetAsync(CancellationToken.None);
        var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.GetAsync(CancellationToken.None)));

        Assert.All(again, db => Assert.Same(first, db));
        Assert.Equal(("host/host.db", Path.Combine(paths.DataRoot, "host", "host.db")), (first.DataPath, first.FilePath));
        Assert.True(await first.ReadAsync(async (c, ct) =>
        {
            await using var command = c.CreateCommand();
            command.CommandText = "PRAGMA user_version;";
            return (long)(await command.ExecuteScalarAsync(ct))! > 0;
        }));
    }

    [Fact]
    public async Task A_caller_arriving_while_the_database_opens_waits_for_it_and_shares_it()
    {
        var paths = new ValhallaPaths(_temp.Combine("data"), _temp.Combine("data", "packs"));
        using var logger = new MigrationHoldingLogger();
        await using var host = new HostDatabase(paths, logger);

        var first = Task.Run(() => host.GetAsync(CancellationToken.None));
        await logger.Holding.WaitAsync(TimeSpan.FromSeconds(30)); // the first caller is opening, mid-migration
        var second = host.GetAsync(CancellationToken.None);
        var waited = !second.IsCompleted;
        logger.Release.Set();

        Assert.True(waited);
        Assert.Same(await first, await second.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_host_database_never_opened_closes_without_creating_its_file()
    {
        var paths = new ValhallaPaths(_temp.Combine("data"), _temp.Combine("data", "packs"));

        await new HostDatabase(paths, NullLogger<HostDatabase>.Instance).DisposeAsync();

        Assert.False(File.Exists(Path.Combine(paths.DataRoot, "host", "host.db")));
    }

    [Fact]
    public async Task Closing_the_host_database_closes_its_file()
    {
        var paths = new ValhallaPaths(_temp.Combine("data"), _temp.Combine("data", "packs"));
        var host = new HostDatabase(paths, NullLogger<HostDatabase>.Instance);
        var db = await host.GetAsync(CancellationToken.None);

        await host.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => db.ReadAsync((c, ct) => Task.FromResult(0)));
    }

    /// <summary>Holds the first migration's log line (so its caller inside the opening) until released.</summary>
    private sealed class MigrationHoldingLogger : ILogger<HostDatabase>, IDisposable
    {
        private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Holding => _holding.Task;

        public ManualResetEventSlim Release { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (_holding.TrySetResult())
            {
                Release.Wait(TimeSpan.FromSeconds(30));
            }
        }

        public void Dispose() => Release.Dispose();
    }
}
