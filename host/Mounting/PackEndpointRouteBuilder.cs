using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Valhalla.Host.Mounting;

/// <summary>
/// The route builder a pack maps onto. Its service provider is the pack's, so minimal APIs bind
/// handler services and JSON options from the pack, not from the host.
/// </summary>
internal sealed class PackEndpointRouteBuilder(IServiceProvider services) : IEndpointRouteBuilder
{
    public IServiceProvider ServiceProvider => services;

    public ICollection<EndpointDataSource> DataSources { get; } = new List<EndpointDataSource>();

    public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(services);
}
