using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Valhalla.Contracts.Stores;
using Valhalla.Host.Stores;
using Valhalla.Packs.Kit;
using Valhalla.Testing;

namespace Valhalla.Packs.Registry.Tests;

/// <summary>The registry service on a real SQLite file, with a fake catalog and clock.</summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private SqlitePackDatabase _database = null!;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));

    public FakeCatalog Catalog { get; } = new();

    public RegistryService Registry { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        DapperTypeHandlers.Register();
        _database = await SqlitePackDatabase.OpenAsync("registry/registry.db", _temp.Combine("registry.db"),
            Migration.FromEmbeddedResources(typeof(RegistryPack).Assembly), NullLogger.Instance);
        Registry = new RegistryService(new RegistryStore(_database), Catalog, Time);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _temp.Dispose();
    }

    public Task<int> DeleteAllRowsAsync() =>
        _database.WriteAsync((connection, tx, ct) => connection.ExecuteAsync(new CommandDefinition("DELETE FROM packs", transaction: tx, cancellationToken: ct)));
}
