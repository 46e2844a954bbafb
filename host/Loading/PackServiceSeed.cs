using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Stores;
using Valhalla.Contracts.Web;
using Valhalla.Host.Http;

namespace Valhalla.Host.Loading;

/// <summary>
/// Starts each pack's own service collection with the host services packs may use. The Microsoft
/// container has no child containers, so every pack gets a provider of its own (as OrchardCore does
/// per tenant); host singletons are passed in as instances, which the pack's provider never disposes.
/// </summary>
internal static class PackServiceSeed
{
    public static ServiceCollection Create(IServiceProvider host, IPackContext context, IReadOnlyList<IPackDatabase> databases)
    {
        var services = new ServiceCollection();
        services.AddSingleton(host.GetRequiredService<ILoggerFactory>());
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(host.GetRequiredService<TimeProvider>());
        services.AddSingleton(host.GetRequiredService<IHostEnvironment>());
        services.AddSingleton(host.GetRequiredService<IConfiguration>());
        services.AddSingleton(host.GetRequiredService<IPackServices>());
        services.AddSingleton(host.GetRequiredService<IPackCatalog>());
        services.AddSingleton(host.GetRequiredService<IHttpContextAccessor>());
        services.AddSingleton(host.GetRequiredService<IPageShell>());
        services.AddSingleton(context);
        if (databases.Count == 1)
        {
            services.AddSingleton(databases[0]);
        }

        // Minimal-API plumbing, resolved from the pack's provider when its endpoints are built and
        // when they answer. The pack's own JsonSerializerOptions keep its types out of the host's caches.
        services.AddOptions();
        services.AddProblemDetails();
        services.Configure<JsonOptions>(options => WireJson.Configure(options.SerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }
}
