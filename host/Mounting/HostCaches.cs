using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Valhalla.Host.Mounting;

/// <summary>
/// The framework caches of the host that describe mounted endpoints. The API explorer (behind the
/// OpenAPI document) caches its descriptions until the action descriptors change; this provider
/// changes them whenever packs are mounted or unmounted, so the document follows the packs and its
/// cache lets go of an unloaded pack's types.
/// </summary>
internal sealed class HostCaches(PackEndpointDataSource endpoints) : IActionDescriptorChangeProvider
{
    public IChangeToken GetChangeToken() => endpoints.GetChangeToken();

    /// <summary>
    /// Lets go of unmounted endpoints and of pack types: rebuilds the API explorer's descriptions now
    /// and empties the framework's type caches of collectible types.
    /// </summary>
    public static void Flush(IServiceProvider services)
    {
        try
        {
            _ = services.GetService<IApiDescriptionGroupCollectionProvider>()?.ApiDescriptionGroups;
            FrameworkTypeCaches.ForgetPackTypes(services);
        }
        catch (ObjectDisposedException)
        {
            // The host is shutting down: nothing will ask for the document again.
        }
    }
}
