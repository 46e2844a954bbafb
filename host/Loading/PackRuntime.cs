using McMaster.NETCore.Plugins;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;
using Valhalla.Host.Stores;

namespace Valhalla.Host.Loading;

/// <summary>A started pack: its load context, service provider, databases and endpoints.</summary>
internal sealed class PackRuntime(
    PackManifest manifest,
    PluginLoader loader,
    ServiceProvider services,
    IReadOnlyList<SqlitePackDatabase> databases,
    IReadOnlyList<Endpoint> endpoints,
    IReadOnlyDictionary<Type, object> exports) : IAsyncDisposable
{
    public PackManifest Manifest => manifest;

    public string Code => manifest.Code;

    public IServiceProvider Services => services;

    public IReadOnlyList<Endpoint> Endpoints => endpoints;

    public IReadOnlyDictionary<Type, object> Exports => exports;

    /// <summary>Routes as shown in reports, e.g. <c>GET /core/budget/buckets</c>.</summary>
    public IReadOnlyList<string> Routes { get; } = [.. endpoints.Select(RouteText.Describe)];

    /// <summary>Disposes the pack's services, then closes its databases, then drops its load context.</summary>
    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        foreach (var database in databases)
        {
            await database.DisposeAsync();
        }

        loader.Dispose();
    }
}
