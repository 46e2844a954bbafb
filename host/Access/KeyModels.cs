using Valhalla.Contracts.Access;

namespace Valhalla.Host.Access;

/// <summary><c>POST /host/keys</c>.</summary>
/// <param name="Packs">Pack codes or tags to restrict the key to; none for every pack.</param>
internal sealed record CreateKey(string Name, AccessScope Scope, IReadOnlyList<string>? Packs = null);

/// <summary>A key on the wire: never its secret.</summary>
internal sealed record KeyInfo(
    string Name, AccessScope Scope, IReadOnlyList<string> Packs, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public static KeyInfo From(ApiKey key) => new(key.Name, key.Scope, key.Packs, key.CreatedAt, key.LastUsedAt, key.RevokedAt);
}

/// <summary>A key just created: the only answer that carries its secret.</summary>
internal sealed record CreatedKey(string Name, AccessScope Scope, IReadOnlyList<string> Packs, DateTimeOffset CreatedAt, string Key);

/// <summary><c>GET /host/keys</c>.</summary>
internal sealed record KeyList(IReadOnlyList<KeyInfo> Items, int Total);
