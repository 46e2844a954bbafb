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

    /// <summary>Adds an export; false when another pack already exports the contract (the first one keeps it).</summary>
    internal bool TryAdd(Type contract, string owner, object service) => _exports.TryAdd(contract, new Export(owner, service));

    internal void RemoveOwner(string owner)
    {
        foreach (var (contract, export) in _exports)
        {
            if (export.Owner == owner)
            {
                _exports.TryRemove(contract, out _);
            }
        }
    }

    private sealed record Export(string Owner, object Service);
}
