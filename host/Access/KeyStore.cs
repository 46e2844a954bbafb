using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Valhalla.Contracts.Access;
using Valhalla.Host.Stores;

namespace Valhalla.Host.Access;

/// <summary>The <c>api_keys</c> table of the host's own database: SQL and nothing else.</summary>
internal sealed class KeyStore(HostDatabase host)
{
    private const string Columns = "id, name, hash, scope, packs, created_at, last_used_at, revoked_at";

    /// <summary>Every key, revoked ones included, each with its hash.</summary>
    public async Task<IReadOnlyList<(ApiKey Key, byte[] Hash)>> ListAsync(CancellationToken ct) =>
        await (await host.GetAsync(ct)).ReadAsync<IReadOnlyList<(ApiKey, byte[])>>(async (connection, token) =>
        {
            await using var command = Command(connection, $"SELECT {Columns} FROM api_keys ORDER BY created_at, name");
            await using var reader = await command.ExecuteReaderAsync(token);
            var keys = new List<(ApiKey, byte[])>();
            while (await reader.ReadAsync(token))
            {
                keys.Add((Read(reader), (byte[])reader["hash"]));
            }

            return keys;
        }, ct);

    /// <summary>Stores a new key; false when an active key already has its name.</summary>
    public async Task<bool> TryInsertAsync(ApiKey key, byte[] hash, CancellationToken ct) =>
        await (await host.GetAsync(ct)).WriteAsync(async (connection, transaction, token) =>
        {
            await using var command = Command(connection,
                $"INSERT INTO api_keys ({Columns}) VALUES (@Id, @Name, @Hash, @Scope, @Packs, @CreatedAt, NULL, NULL) ON CONFLICT DO NOTHING",
                transaction);
            Add(command, "@Id", key.Id);
            Add(command, "@Name", key.Name);
            Add(command, "@Hash", hash);
            Add(command, "@Scope", ScopeText(key.Scope));
            Add(command, "@Packs", string.Join(' ', key.Packs));
            Add(command, "@CreatedAt", Text(key.CreatedAt));
            return await command.ExecuteNonQueryAsync(token) == 1;
        }, ct);

    /// <summary>Revokes the active key named <paramref name="name"/>; false when there is none.</summary>
    public async Task<bool> RevokeAsync(string name, DateTimeOffset at, CancellationToken ct) =>
        await (await host.GetAsync(ct)).WriteAsync(async (connection, transaction, token) =>
        {
            await using var command = Command(connection,
                "UPDATE api_keys SET revoked_at = @At WHERE name = @Name AND revoked_at IS NULL", transaction);
            Add(command, "@Name", name);
            Add(command, "@At", Text(at));
            return await command.ExecuteNonQueryAsync(token) == 1;
        }, ct);

    /// <summary>Records when keys were last used, in one write.</summary>
    public async Task TouchAsync(IReadOnlyCollection<KeyValuePair<string, DateTimeOffset>> lastUsed, CancellationToken ct) =>
        await (await host.GetAsync(ct)).WriteAsync(async (connection, transaction, token) =>
        {
            await using var command = Command(connection,
                "UPDATE api_keys SET last_used_at = @At WHERE id = @Id AND (last_used_at IS NULL OR last_used_at < @At)", transaction);
            var id = Add(command, "@Id", "");
            var at = Add(command, "@At", "");
            foreach (var (keyId, when) in lastUsed)
            {
                id.Value = keyId;
                at.Value = Text(when);
                await command.ExecuteNonQueryAsync(token);
            }

            return true;
        }, ct);

    public static string ScopeText(AccessScope scope) => scope.ToString().ToLowerInvariant();

    private static ApiKey Read(DbDataReader row) => new(
        (string)row["id"],
        (string)row["name"],
        Enum.Parse<AccessScope>((string)row["scope"], ignoreCase: true),
        ((string)row["packs"]).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        Time(row["created_at"])!.Value,
        Time(row["last_used_at"]),
        Time(row["revoked_at"]));

    private static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static SqliteParameter Add(DbCommand command, string name, object value)
    {
        var parameter = new SqliteParameter(name, value);
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Time(object value) =>
        value is string text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;
}
