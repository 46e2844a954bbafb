using Valhalla.Contracts.Access;

namespace Valhalla.Host.Access;

/// <summary>A stored API key, without its secret.</summary>
/// <param name="Packs">Pack codes or tags the key is restricted to; empty for every pack.</param>
internal sealed record ApiKey(
    string Id,
    string Name,
    AccessScope Scope,
    IReadOnlyList<string> Packs,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public bool Revoked => RevokedAt is not null;
}
