using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;
using Valhalla.Contracts.Services;

namespace Valhalla.Packs.Kit;

/// <summary>Registers a pack's money events: <see cref="MoneyEvents"/> to make them, its outbox for the host to deliver them.</summary>
public static class MoneyEventsRegistration
{
    /// <summary>For a pack with one data path, whose database holds the <see cref="Outbox.Schema"/> table.</summary>
    public static IServiceCollection AddMoneyEvents(this IServiceCollection services)
    {
        services.AddSingleton(sp => new MoneyEvents(
            sp.GetRequiredService<IPackContext>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<IHttpContextAccessor>()));
        services.AddSingleton<IMoneyEventOutbox, OutboxReader>();
        return services;
    }
}
