using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Valhalla.Host.Web;

/// <summary>
/// Browser sessions made by signing in with a key: a random token (the cookie) standing for that key's
/// id, held in memory only, so a restart signs everyone out. The key is looked up again on every
/// request, so revoking it ends its sessions at once, and a session never has more than its key.
/// </summary>
internal sealed class WebSessions(TimeProvider time)
{
    /// <summary>How long a session lasts after sign-in.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    /// <summary>Starts a session for the key <paramref name="keyId"/>; returns its token.</summary>
    public string Start(string keyId)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        _sessions[token] = new Session(keyId, time.GetUtcNow() + Lifetime);
        RemoveExpired();
        return token;
    }

    /// <summary>The key id of the live session <paramref name="token"/>, or null.</summary>
    public string? KeyIdOf(string token)
    {
        if (!_sessions.TryGetValue(token, out var session))
        {
            return null;
        }

        if (session.Expires > time.GetUtcNow())
        {
            return session.KeyId;
        }

        _sessions.TryRemove(token, out _);
        return null;
    }

    /// <summary>Ends the session <paramref name="token"/> (sign-out, or its key is gone).</summary>
    public void End(string token) => _sessions.TryRemove(token, out _);

    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (token, session) in _sessions)
        {
            if (session.Expires <= now)
            {
                _sessions.TryRemove(token, out _);
            }
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Session(string KeyId, DateTimeOffset Expires);
}
