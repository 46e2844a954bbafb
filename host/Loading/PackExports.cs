using System.Collections.Concurrent;
using Valhalla.Contracts.Services;

namespace Valhalla.Host.Loading;

/// <summary>
/// The services packs export to each other, keyed by contract interface. Lookups happen at call
/// time, so an export disappears with its pack and callers fall back.
/// </summary>
public sealed class PackExports : IPackServices
{
    private readonly ConcurrentDictionary<Type, Export> _exports = new();

    public TService? Find<TService>() where TService : class =>
        _exports.TryGetValue(typeof(TService), out var export) ? (TService)export.Service : null;

    /// <summary>The pack that exports <paramref name="contract"/>, if any.</summary>
    public string? OwnerOf(Type contract) => _exports.TryGetValue(contract, out var export) ? export.Owner : null;

    /// <summary>
    /// Makes <paramref name="exports"/> the exports of <paramref name="owner"/>. Each contract switches
    /// from the owner's previous copy to the new one in one step, so a pack being replaced never
    /// leaves callers without its service; contracts it no longer exports are withdrawn.
    /// </summary>
    /// <returns>The contracts another pack already exports (the first exporter keeps them).</returns>
    internal IReadOnlyList<Type> Publish(string owner, IReadOnlyDictionary<Type, object> exports)
    {
        var refused = new List<Type>();
        foreach (var (contract, service) in exports)
        {
            var offered = new Export(owner, service);
            var kept = _exports.AddOrUpdate(contract, offered, (_, existing) => existing.Owner == owner ? offered : existing);
            if (kept != offered)
            {
                refused.Add(contract);
            }
        }

        foreach (var (contract, export) in _exports)
        {
            if (export.Owner == owner && !exports.ContainsKey(contract))
            {
                _exports.TryRemove(new KeyValuePair<Type, Export>(contract, export));
            }
        }

        return refused;
    }

    internal void RemoveOwner(string owner) => Publish(owner, new Dictionary<Type, object>());

    private sealed record Export(string Owner, object Service);
}
