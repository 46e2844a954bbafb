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
}
