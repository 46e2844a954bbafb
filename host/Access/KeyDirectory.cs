using System.Collections.Concurrent;
using System.Collections.Frozen;
using Valhalla.Contracts.Access;

namespace Valhalla.Host.Access;

/// <summary>
/// The host's keys, held in memory so checking a key costs a dictionary lookup and one hash: the
/// active keys by id, each with its stored hash. Changes made here apply at once; changes made by
/// another process (the <c>keys</c> command) arrive with the next <see cref="RefreshAsync"/>, which
/// <see cref="KeyRefresher"/> runs twice a second.
/// </summary>
internal sealed class KeyDirectory(KeyStore store, TimeProvider time)
{
    public const string OwnerName = "owner";

    // Last-used times are kept to the minute, so a busy key costs one write a minute, not one a request.
    private static readonly TimeSpan UsagePrecision = TimeSpan.FromMinutes(1);
    private static readonly byte[] NoHash = new byte[32];
    private static readonly TimeSpan OnDemandInterval = TimeSpan.FromMilliseconds(250);

    private volatile FrozenDictionary<string, (ApiKey Key, byte[] Hash)> _active = FrozenDictionary<string, (ApiKey, byte[])>.Empty;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastUsed = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unsaved = new();
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private long _lastOnDemandRefresh;

    /// <summary>
    /// The active key <paramref name="presented"/> is, or null when it is none (unknown, revoked or
    /// malformed). A well-formed key this host does not know yet (just created by the <c>keys</c>
    /// command) makes it re-read its keys at once, at most every quarter second.
    /// </summary>
    public async ValueTask<ApiKey?> AuthenticateAsync(string presented, CancellationToken ct)
    {
        if (Authenticate(presented) is { } key)
        {
            return key;
        }

        var now = time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastOnDemandRefresh);
        if (ApiKeySecret.IdOf(presented) is null || now - last < OnDemandInterval.Ticks
            || Interlocked.CompareExchange(ref _lastOnDemandRefresh, now, last) != last)
        {
            return null;
        }

        await RefreshAsync(ct);
        return Authenticate(presented);
    }

    /// <summary>The active key with <paramref name="id"/>, or null when there is none (revoked, or never made): how a browser session is checked on every request.</summary>
    public ApiKey? Active(string id)
    {
        if (!_active.TryGetValue(id, out var entry))
        {
            return null;
        }

        MarkUsed(entry.Key);
        return entry.Key;
    }

    private ApiKey? Authenticate(string presented)
    {
        var id = ApiKeySecret.IdOf(presented);
        var found = id is not null && _active.TryGetValue(id, out var entry) ? entry : default;

        // Hash even when the id is unknown, so the answer takes as long either way.
        if (!ApiKeySecret.Matches(presented, found.Hash ?? NoHash) || found.Key is null)
        {
            return null;
        }

        MarkUsed(found.Key);
        return found.Key;
    }

    /// <summary>Every key, revoked ones included, with last-used times as this host knows them.</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct)
    {
        var keys = await store.ListAsync(ct);
        return [.. keys.Select(k => _lastUsed.TryGetValue(k.Key.Id, out var used) && used > k.Key.LastUsedAt.GetValueOrDefault()
            ? k.Key with { LastUsedAt = used }
            : k.Key)];
    }

    /// <summary>Creates a key and returns it with its secret, which is never shown again; null when an active key has the name.</summary>
    public async Task<(ApiKey Key, string Secret)?> CreateAsync(string name, AccessScope scope, IReadOnlyList<string> packs, CancellationToken ct)
    {
        while (true)
        {
            var secret = ApiKeySecret.Create();
            var key = new ApiKey(ApiKeySecret.IdOf(secret)!, name, scope, packs, time.GetUtcNow(), null, null);
            if (await store.TryInsertAsync(key, ApiKeySecret.Hash(secret), ct))
            {
                await RefreshAsync(ct);
                return (key, secret);
            }

            // The insert did nothing: an active key has this name, or (vanishingly rarely) the id is taken.
            var existing = await store.ListAsync(ct);
            if (existing.Any(k => !k.Key.Revoked && k.Key.Name == name))
            {
                return null;
            }
        }
    }

    /// <summary>Revokes the active key named <paramref name="name"/>; it stops working at once. False when there is none.</summary>
    public async Task<bool> RevokeAsync(string name, CancellationToken ct)
    {
        var revoked = await store.RevokeAsync(name, time.GetUtcNow(), ct);
        await RefreshAsync(ct);
        return revoked;
    }

    /// <summary>Saves pending last-used times, then re-reads the keys.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        // One at a time, so a list read before a revocation never replaces one read after it.
        await _refreshing.WaitAsync(ct);
        try
        {
            if (!_unsaved.IsEmpty)
            {
                var batch = _unsaved.ToArray();
                await store.TouchAsync(batch, ct);
                foreach (var (id, at) in batch)
                {
                    _unsaved.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, at));
                }
            }

            var keys = await store.ListAsync(ct);
            _active = keys.Where(k => !k.Key.Revoked).ToFrozenDictionary(k => k.Key.Id, StringComparer.Ordinal);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>True when no key was ever created on this data root.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken ct) => (await store.ListAsync(ct)).Count == 0;

    private void MarkUsed(ApiKey key)
    {
        var now = time.GetUtcNow();
        var last = _lastUsed.TryGetValue(key.Id, out var seen) ? seen : key.LastUsedAt.GetValueOrDefault();
        if (now - last >= UsagePrecision)
        {
            _lastUsed[key.Id] = now;
            _unsaved[key.Id] = now;
        }
    }
}
