using System.Data.Common;
using McMaster.NETCore.Plugins;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Valhalla.Contracts;

namespace Valhalla.Host.Loading;

/// <summary>
/// The one place that knows McMaster.NETCore.Plugins: loads a pack's assembly into its own
/// collectible load context and creates its entry type.
/// </summary>
internal static class PackAssemblyLoader
{
    // Shared explicitly, so IPack and the abstractions are one type on both sides; everything else
    // the pack ships (its Dapper, say) stays private to its context.
    private static readonly Type[] SharedTypes =
    [
        typeof(IPack),
        typeof(IServiceCollection),
        typeof(ServiceProvider),
        typeof(IEndpointRouteBuilder),
        typeof(HttpContext),
        typeof(ILogger),
        typeof(DbConnection),
    ];

    public static (PluginLoader Loader, IPack Pack) Load(string packFolder, PackManifest manifest)
    {
        var assemblyPath = Path.Combine(packFolder, manifest.Module + ".dll");
        var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, isUnloadable: true, SharedTypes, config =>
        {
            // The folder is the host's private copy of the pack (see ShadowCopies), so loading from
            // the files locks nothing a user can see, and dependencies loaded later come from the same build.
            config.PreferSharedTypes = false;
        });
        try
        {
            var assembly = loader.LoadDefaultAssembly();
            var type = assembly.GetType(manifest.RouterSymbol, throwOnError: true)!;
            return (loader, (IPack)Activator.CreateInstance(type)!);
        }
        catch
        {
            loader.Dispose();
            throw;
        }
    }
}
