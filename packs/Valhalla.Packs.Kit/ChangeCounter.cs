using System.Collections.Concurrent;
using Valhalla.Contracts.Services;

namespace Valhalla.Packs.Kit;

/// <summary>
/// Change stamps of one pack instance's data (see <see cref="ChangeStamp"/>): a random epoch, a counter
/// for changes of any scope and one per scope (a bucket, say). Stores touch it after a write, committed
/// or not (a spare touch only costs a cache a recomputation; a missing one would leave it stale).
/// </summary>
public sealed class ChangeCounter
{
    private readonly Guid _epoch = Guid.NewGuid();
    private readonly ConcurrentDictionary<string, long> _scopes = new(StringComparer.Ordinal);
    private long _all;

    /// <summary>Moves on with every touch.</summary>
    public ChangeStamp Current => new(_epoch, Interlocked.Read(ref _all) + _scopes.Values.Sum());

    /// <summary>Moves on when <paramref name="scope"/> or everything is touched; both only grow, so their sum does too.</summary>
    public ChangeStamp Of(string scope) => new(_epoch, Interlocked.Read(ref _all) + _scopes.GetValueOrDefault(scope));

    /// <summary>Everything may have changed.</summary>
    public void Touch() => Interlocked.Increment(ref _all);

    public void Touch(string scope) => _scopes.AddOrUpdate(scope, 1, (_, count) => count + 1);
}
