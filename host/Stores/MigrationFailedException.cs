namespace Valhalla.Host.Stores;

/// <summary>A migration script failed; its transaction was rolled back and the database is unchanged by it.</summary>
public sealed class MigrationFailedException(string dataPath, string migration, Exception inner)
    : Exception($"Migration {migration} of {dataPath} failed and was rolled back: {inner.Message}", inner)
{
    public string DataPath { get; } = dataPath;

    public string Migration { get; } = migration;
}
