using Valhalla.Contracts;
using Valhalla.Contracts.Stores;

namespace Valhalla.Testing.Fakes;

/// <summary>The context of a pack with the given code, for services constructed without the host.</summary>
public sealed class FakePackContext(string code) : IPackContext
{
    public PackManifest Manifest { get; } = new()
    {
        Code = code,
        Name = code,
        Version = "1.0.0",
        Module = "Test",
        RouterSymbol = "Test.Pack",
        RoutePrefix = "/test",
        Contracts = ContractsVersion.Current,
    };

    public IPackDatabase GetDatabase(string dataPath) => throw new NotSupportedException();

    public void Export<TService>() where TService : class => throw new NotSupportedException();
}
