using Microsoft.Extensions.Logging;
using Valhalla.Contracts.Stores;
using Valhalla.Host.Configuration;

namespace Valhalla.Host.Stores;

/// <summary>
/// The host's own SQLite database, <c>host/host.db</c> under the data root (never a pack's): its
/// API keys. Opened and migrated on first use, with the same pragmas and single writer as pack
/// databases; its migrations are the host's embedded <c>Access/Migrations/NNN_name.sql</c> files.
/// </summary>
internal sealed class HostDatabase(ValhallaPaths paths, ILogger<HostDatabase> logger) : IAsyncDisposable
{
    public const string DataPath = "host/host.db";

    private readonly SemaphoreSlim _opening = new(1, 1);
    private SqlitePackDatabase? _database;

    public async Task<SqlitePackDatabase> GetAsync(CancellationToken ct)
    {
        if (_database is { } open)
        {
            return open;
        }

        await _opening.WaitAsync(ct);
        try
        {
            return _database ??= await SqlitePackDatabase.OpenAsync(
                DataPath, Path.Combine(paths.DataRoot, DataPath), Migration.FromEmbeddedResources(typeof(HostDatabase).Assembly, "Access.Migrations"), logger, ct);
        }
        finally
        {
            _opening.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _opening.Dispose();
    }
}
