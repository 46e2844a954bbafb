using Valhalla.Contracts.Services;

namespace Valhalla.Testing.Fakes;

/// <summary>What other packs would export, set by the test.</summary>
public sealed class FakePackServices : IPackServices
{
    private readonly Dictionary<Type, object> _services = [];

    public void Add<T>(T service) where T : class => _services[typeof(T)] = service;

    public void Remove<T>() => _services.Remove(typeof(T));

    public T? Find<T>() where T : class => _services.TryGetValue(typeof(T), out var s) ? (T)s : null;
}
