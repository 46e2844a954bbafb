using System.Data;
using System.Data.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Valhalla.Contracts.Stores;
using Valhalla.Host.Stores;
using Valhalla.Testing;

namespace Valhalla.Host.Tests.Stores;

/// <summary>The read-only connections of a pack database: reused, at most 16 kept idle, all closed with the database.</summary>
public sealed class PackDatabaseReadersTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private SqlitePackDatabase _db = null!;

    public async Task InitializeAsync() =>
        _db = await SqlitePackDatabase.OpenAsync("r/r.db", _temp.Combine("r", "r.db"), [new Migration(1, "001", "CREATE TABLE t (id INTEGER);")], NullLogger.Instance);

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public void The_database_knows_its_data_path_and_file()
    {
        Assert.Equal("r/r.db", _db.DataPath);
        Assert.Equal(_temp.Combine("r", "r.db"), _db.FilePath);
        Assert.True(File.Exists(_db.FilePath));
    }

    [Fact]
    public async Task A_read_after_a_read_reuses_its_connection()
    {
        var first = await _db.ReadAsync((c, ct) => Task.FromResult(c));
        var second = await _db.ReadAsync((c, ct) => Task.FromResult(c));

        Assert.Same(first, second);
        Assert.Equal(ConnectionState.Open, second.State);
    }

    [Fact]
    public async Task At_most_sixteen_idle_connections_are_kept()
    {
        var first = await ReadAllAtOnceAsync(20);

        Assert.Equal(20, first.Distinct().Count());
        Assert.Equal(4, first.Count(c => c.State == ConnectionState.Closed));
        Assert.Equal(16, (await ReadAllAtOnceAsync(20)).Intersect(first).Count());
    }

    [Fact]
    public async Task Closing_the_database_closes_its_idle_readers_and_those_still_reading()
    {
        var idle = await _db.ReadAsync((c, ct) => Task.FromResult(c));
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var busy = _db.ReadAsync(async (c, ct) =>
        {
            reading.SetResult();
            await release.Task;
            return c;
        });
        await reading.Task;

        await _db.DisposeAsync();
        release.SetResult();
        var late = await busy;

        Assert.Equal(ConnectionState.Closed, idle.State);
        Assert.Equal(ConnectionState.Closed, late.State);
    }

    /// <summary>Runs <paramref name="count"/> reads that all hold their connection at once; returns the connections.</summary>
    private async Task<DbConnection[]> ReadAllAtOnceAsync(int count)
    {
        var entered = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = Enumerable.Range(0, count).Select(_ => _db.ReadAsync(async (c, ct) =>
        {
            if (Interlocked.Increment(ref entered) == count)
            {
                all.SetResult();
            }

            await all.Task;
            return c;
        })).ToList();
        return await Task.WhenAll(reads);
    }
}
