using System.Net;
using System.Runtime.Loader;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Hosting;

public sealed class IsolationTests : IDisposable
{
    private readonly HostFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task A_packs_private_dependencies_load_in_its_own_context_and_the_contracts_are_shared()
    {
        _folders.Drop(BuiltPacks.Registry);
        await using var host = await _folders.StartAsync();

        // Answering runs the registry's Dapper queries, so its Dapper is loaded by now.
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("core/packs")).StatusCode);

        var dapperContexts = AssemblyLoadContext.All.Where(c => c.Assemblies.Any(a => a.GetName().Name == "Dapper")).ToList();
        Assert.NotEmpty(dapperContexts);
        Assert.DoesNotContain(AssemblyLoadContext.Default, dapperContexts);
        Assert.All(dapperContexts, c => Assert.True(c.IsCollectible));
        var contracts = AssemblyLoadContext.All.SelectMany(c => c.Assemblies).Where(a => a.GetName().Name == "Valhalla.Contracts");
        Assert.Equal(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(Assert.Single(contracts)));
    }
}
