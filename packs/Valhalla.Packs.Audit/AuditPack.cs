using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;
using Valhalla.Contracts.Services;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Audit;

/// <summary>P-AUDIT-1: the household's audit trail — every money event, stored once, never changed.</summary>
public sealed class AuditPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
        DapperTypeHandlers.Register();
        services.AddSingleton<AuditStore>();
        services.AddSingleton<IAuditSink, AuditSink>();
        context.Export<IAuditSink>();
    }

    public void MapRoutes(IEndpointRouteBuilder routes) => routes.MapAuditApi().MapEventsPage();
}
