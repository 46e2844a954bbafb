using System.Data.Common;
using System.Runtime.Loader;
using McMaster.NETCore.Plugins.Loader;
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

    /// <summary>
    /// Builds the pack's context with McMaster's builder rather than its <c>PluginLoader</c>: the loader
    /// also looks for probing paths in every runtimeconfig.json of the host, and reading those asks for
    /// the process's main module, which parses /proc/self/maps — about 2.5 of the 3.3 ms a context cost,
    /// for probing paths a self-contained pack folder never needs.
    /// </summary>
    public static (AssemblyLoadContext Context, IPack Pack) Load(string packFolder, PackManifest manifest)
    {
        var assemblyPath = Path.Combine(packFolder, manifest.Module + ".dll");
        var builder = new AssemblyLoadContextBuilder()
            .SetMainAssemblyPath(assemblyPath)
            .SetDefaultContext(AssemblyLoadContext.Default)
            .EnableUnloading();
        foreach (var shared in SharedTypes)
        {
            builder.PreferDefaultLoadContextAssembly(shared.Assembly.GetName());
        }

        // The folder is the host's private copy of the pack (see ShadowCopies), so loading from the
        // files locks nothing a user can see, and dependencies loaded later come from the same build.
        var context = builder.Build();
        try
        {
            var assembly = context.LoadFromAssemblyPath(assemblyPath);
            var type = assembly.GetType(manifest.RouterSymbol, throwOnError: true)!;
            return (context, (IPack)Activator.CreateInstance(type)!);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }
}
