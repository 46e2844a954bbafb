using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Valhalla.Contracts.Stores;

namespace Valhalla.Host.Stores;

/// <summary>
/// Applies a pack's numbered migrations above <c>PRAGMA user_version</c>, each in its own
/// transaction together with the version bump, so a failed script leaves no trace.
/// </summary>
internal static class Migrator
{
    public static async Task<int> ApplyAsync(
        SqliteConnection connection, string dataPath, IReadOnlyList<Migration> migrations, ILogger logger, CancellationToken ct)
    {
        CheckNumbering(dataPath, migrations);
        var current = await UserVersionAsync(connection, ct);
        var applied = 0;
        foreach (var migration in migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            try
            {
                await SqliteConnections.ExecuteAsync(connection, migration.Sql, ct, transaction);
                var bump = string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {migration.Version};");
                await SqliteConnections.ExecuteAsync(connection, bump, ct, transaction);
                await transaction.CommitAsync(ct);
            }
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
            {
                // Disposing the transaction (the await using above) rolls the script and the bump back.
                throw new MigrationFailedException(dataPath, migration.Name, ex);
            }

            applied++;
            logger.LogInformation("Migrated {DataPath} to version {Version} ({Migration})", dataPath, migration.Version, migration.Name);
        }

        return applied;
    }

    public static async Task<int> UserVersionAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static void CheckNumbering(string dataPath, IReadOnlyList<Migration> migrations)
    {
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Migrations of {dataPath} number {duplicate.Key} twice: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }

        var nonPositive = migrations.FirstOrDefault(m => m.Version <= 0);
        if (nonPositive is not null)
        {
            throw new InvalidOperationException($"Migration {nonPositive.Name} of {dataPath} must have a positive number.");
        }
    }
}
