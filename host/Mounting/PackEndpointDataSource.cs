using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using Valhalla.Host.Loading;

namespace Valhalla.Host.Mounting;

/// <summary>
/// Every mounted pack's endpoints, in one data source the host controls. Mounting or unmounting a
/// pack swaps the set and raises the change token, so routing picks it up without a restart.
/// </summary>
public sealed class PackEndpointDataSource : EndpointDataSource
{
    private readonly Lock _gate = new();
    private ImmutableSortedDictionary<string, IReadOnlyList<Endpoint>> _byPack = ImmutableSortedDictionary<string, IReadOnlyList<Endpoint>>.Empty;
    private IReadOnlyList<Endpoint> _endpoints = [];
    private CancellationTokenSource _changed = new();
    private Lazy<IReadOnlyList<Endpoint>> _hostEndpoints = new(() => []);

    public override IReadOnlyList<Endpoint> Endpoints => _endpoints;

    public override IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

    /// <summary>Mounts a pack's endpoints, replacing those it had mounted before in one step.</summary>
    public void Mount(string packCode, IReadOnlyList<Endpoint> endpoints) => Update(packs => packs.SetItem(packCode, endpoints));

    public void Unmount(string packCode) => Update(packs => packs.Remove(packCode));

    /// <summary>
    /// Tells the data source the host's own endpoints (read once, when first needed: the host maps
    /// them before any pack starts and never changes them), so packs can be checked against them.
    /// </summary>
    public void UseHostEndpoints(Func<IEnumerable<Endpoint>> hostEndpoints) => _hostEndpoints = new(() => [.. hostEndpoints()]);

    /// <summary>Every endpoint of the host and of the packs other than <paramref name="packCode"/>, with who holds it.</summary>
    internal IEnumerable<(string Holder, Endpoint Endpoint)> HeldOutside(string packCode) =>
        _hostEndpoints.Value.Select(endpoint => ("the host", endpoint))
            .Concat(_byPack.Where(pack => pack.Key != packCode).SelectMany(pack => pack.Value.Select(endpoint => (pack.Key, endpoint))));

    /// <summary>The endpoint now mounted for <paramref name="packCode"/> with the same route and methods as <paramref name="stale"/>.</summary>
    internal Endpoint? FindCurrent(string packCode, Endpoint stale)
    {
        if (!_byPack.TryGetValue(packCode, out var mounted))
        {
            return null;
        }

        var route = RouteText.Describe(stale);
        return mounted.FirstOrDefault(endpoint => RouteText.Describe(endpoint) == route);
    }

    private void Update(Func<ImmutableSortedDictionary<string, IReadOnlyList<Endpoint>>, ImmutableSortedDictionary<string, IReadOnlyList<Endpoint>>> change)
    {
        CancellationTokenSource previous;
        lock (_gate)
        {
            _byPack = change(_byPack);
            _endpoints = [.. _byPack.Values.SelectMany(e => e)];
            previous = _changed;
            _changed = new CancellationTokenSource();
        }

        previous.Cancel();
        previous.Dispose();
    }
}
