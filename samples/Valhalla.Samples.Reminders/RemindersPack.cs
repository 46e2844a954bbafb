using Dapper;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;

namespace Valhalla.Samples.Reminders;

/// <summary>
/// P-REMIND-1, the sample pack: reminders with a title and a due date under <c>/core/reminders</c>.
/// The entry type only registers services and maps routes; its store's migrations are the embedded
/// <c>Migrations/*.sql</c> files, which the host applies before <see cref="ConfigureServices"/>.
/// </summary>
public sealed class RemindersPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
        // Columns are snake_case, properties PascalCase: Dapper matches them without AS aliases. This is
        // static state of the pack's own Dapper copy (its load context), so setting it here affects no other pack.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        services.AddSingleton<ReminderStore>(); // its IPackDatabase is already registered: one data path
    }

    public void MapRoutes(IEndpointRouteBuilder routes) => routes.MapRemindersApi();
}
