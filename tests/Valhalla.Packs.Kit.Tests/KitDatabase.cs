using Microsoft.Extensions.Logging.Abstractions;
using Valhalla.Contracts.Stores;
using Valhalla.Host.Stores;
using Valhalla.Testing;

namespace Valhalla.Packs.Kit.Tests;

/// <summary>A real SQLite file in a temp folder holding the outbox table, opened as the host opens a pack's database.</summary>
public sealed class KitDatabase : IAsyncDisposable
{
    private readonly TempDirectory _temp;

    private KitDatabase(TempDirectory temp, SqlitePackDatabase database)
    {
        _temp = temp;
        Database = database;
    }

    public SqlitePackDatabase Database { get; }

    public static async Task<KitDatabase> OpenAsync()
    {
        DapperTypeHandlers.Register();
        var temp = new TempDirectory();
        var database = await SqlitePackDatabase.OpenAsync("kit/kit.db", temp.Combine("kit.db"),
            [new Migration(1, "001_outbox", Outbox.Schema)], NullLogger.Instance);
        return new KitDatabase(temp, database);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        _temp.Dispose();
    }
}
