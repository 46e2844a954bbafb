using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Host.Loading;

namespace Valhalla.Host.Mounting;

/// <summary>
/// Tells the API explorer which handler parameters are services, asking the host and every running
/// pack's provider. Without it, the OpenAPI document would describe a pack's services (its
/// <c>IPackDatabase</c>, say) as request bodies, since the host's container does not know them.
/// </summary>
internal sealed class PackAwareServiceCheck(IServiceProviderIsService host, PackHost packs) : IServiceProviderIsService
{
    public bool IsService(Type serviceType) =>
        host.IsService(serviceType)
        || packs.RunningServices.Any(services => services.GetService<IServiceProviderIsService>()?.IsService(serviceType) == true);

    /// <summary>
    /// Rebuilds the framework's minimal-API description provider with this check. The provider is an
    /// internal type, so it is created by name; if a framework version renames it, the document
    /// still works, only less precisely.
    /// </summary>
    public static IServiceCollection UseForApiExplorer(IServiceCollection services)
    {
        var existing = services.FirstOrDefault(d =>
            d.ServiceType == typeof(IApiDescriptionProvider) && d.ImplementationType?.Name == "EndpointMetadataApiDescriptionProvider");
        if (existing?.ImplementationType is not { } providerType)
        {
            return services;
        }

        services.Remove(existing);
        services.AddTransient<IApiDescriptionProvider>(sp =>
            (IApiDescriptionProvider)ActivatorUtilities.CreateInstance(sp, providerType,
                new PackAwareServiceCheck(sp.GetRequiredService<IServiceProviderIsService>(), sp.GetRequiredService<PackHost>())));
        return services;
    }
}
