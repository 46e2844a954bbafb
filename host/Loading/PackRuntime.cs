using System.Runtime.Loader;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;
using Valhalla.Host.Mounting;
using Valhalla.Host.Stores;

namespace Valhalla.Host.Loading;

/// <summary>A started pack: its load context, service provider, databases, endpoints and request gate.</summary>
internal sealed class PackRuntime(
    PackManifest manifest,
    PackSource source,
    AssemblyLoadContext loadContext,
    ServiceProvider services,
    IReadOnlyList<SqlitePackDatabase> databases,
    IReadOnlyList<Endpoint> endpoints,
    IReadOnlyDictionary<Type, object> exports,
    RequestGate gate,
    PackCalls calls) : IAsyncDisposable
{
    public PackManifest Manifest => manifest;

    public string Code => manifest.Code;

    public PackSource Source => source;

    public IServiceProvider Services => services;

    public IReadOnlyList<Endpoint> Endpoints => endpoints;

    public IReadOnlyDictionary<Type, object> Exports => exports;

    /// <summary>Its open databases, one per data path.</summary>
    public IReadOnlyList<SqlitePackDatabase> Databases => databases;

    public RequestGate Gate => gate;

    /// <summary>The pack's load context, weakly: it must be collectable once the pack is unloaded.</summary>
    public WeakReference LoadContext { get; } = new(loadContext);

    /// <summary>Routes as shown in reports, e.g. <c>GET /core/budget/buckets</c>.</summary>
    public IReadOnlyList<string> Routes { get; } = [.. endpoints.Select(RouteText.Describe)];

    /// <summary>
    /// Disposes the pack's services (under the pack call deadline: its Dispose is pack code), then
    /// closes its databases, then unloads its load context. Each step runs even when the one before
    /// threw or missed its deadline; the first error (a <see cref="PackCallTimeoutException"/>, say) is rethrown.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await calls.RunAsync("Dispose", async () =>
            {
                await services.DisposeAsync();
                return true;
            }, CancellationToken.None);
        }
        finally
        {
            try
            {
                foreach (var database in databases)
                {
                    await database.DisposeAsync();
                }
            }
            finally
            {
                loadContext.Unload();
            }
        }
    }
}
