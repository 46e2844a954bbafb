using Dapper;
using Valhalla.Contracts.Stores;

namespace Valhalla.Packs.Registry;

/// <summary>The registry's table of packs: Dapper and SQL, no rules.</summary>
public sealed class RegistryStore(IPackDatabase database)
{
    private const string Columns = "id, code, manifest, source, registered_at, updated_at";

    public Task<IReadOnlyList<RegisteredPack>> ListAsync(CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<RegisteredPack>>(async (connection, token) =>
            [.. await connection.QueryAsync<RegisteredPack>(new CommandDefinition($"SELECT {Columns} FROM packs ORDER BY code", cancellationToken: token))], ct);

    public Task<RegisteredPack?> FindAsync(string code, CancellationToken ct) =>
        database.ReadAsync((connection, token) =>
            connection.QuerySingleOrDefaultAsync<RegisteredPack>(new CommandDefinition($"SELECT {Columns} FROM packs WHERE code = @Code", new { Code = code }, cancellationToken: token)), ct);

    /// <summary>
    /// Records discovered manifests in one transaction: new codes are inserted, changed manifests
    /// updated; a pack whose manifest is unchanged keeps its row untouched.
    /// </summary>
    public Task UpsertDiscoveredAsync(IReadOnlyList<RegisteredPack> packs, CancellationToken ct) =>
        database.WriteAsync(async (connection, tx, token) =>
        {
            const string sql = """
                INSERT INTO packs (id, code, manifest, source, registered_at, updated_at)
                VALUES (@Id, @Code, @Manifest, @Source, @RegisteredAt, @UpdatedAt)
                ON CONFLICT (code) DO UPDATE
                    SET manifest = excluded.manifest, source = excluded.source, updated_at = excluded.updated_at
                    WHERE packs.manifest <> excluded.manifest OR packs.source <> excluded.source
                """;
            return await connection.ExecuteAsync(new CommandDefinition(sql, packs, tx, cancellationToken: token));
        }, ct);

    /// <summary>
    /// Inserts <paramref name="pack"/> unless its code is taken; returns the row stored for the code
    /// afterwards (the new one, or the one that was there), read in the same transaction.
    /// </summary>
    public Task<(bool Inserted, RegisteredPack Stored)> TryInsertAsync(RegisteredPack pack, CancellationToken ct) =>
        database.WriteAsync(async (connection, tx, token) =>
        {
            const string insert = """
                INSERT INTO packs (id, code, manifest, source, registered_at, updated_at)
                VALUES (@Id, @Code, @Manifest, @Source, @RegisteredAt, @UpdatedAt)
                ON CONFLICT (code) DO NOTHING
                """;
            var inserted = await connection.ExecuteAsync(new CommandDefinition(insert, pack, tx, cancellationToken: token)) == 1;
            var stored = await connection.QuerySingleAsync<RegisteredPack>(
                new CommandDefinition($"SELECT {Columns} FROM packs WHERE code = @Code", new { pack.Code }, tx, cancellationToken: token));
            return (inserted, stored);
        }, ct);
}
