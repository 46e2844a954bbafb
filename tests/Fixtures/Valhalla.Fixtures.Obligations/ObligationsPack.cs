using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Values;

namespace Valhalla.Fixtures.Obligations;

/// <summary>
/// A fixture standing in for a future obligations pack, built and dropped separately: exports
/// <see cref="IObligationsStatus"/> behind a switch (PUT /covered) and an in-memory
/// <see cref="IAuditSink"/> (GET /audit).
/// </summary>
public sealed class ObligationsPack : IPack
{
    public void ConfigureServices(IServiceCollection services, IPackContext context)
    {
        services.AddSingleton<Switchboard>();
        services.AddSingleton<IObligationsStatus>(sp => sp.GetRequiredService<Switchboard>());
        services.AddSingleton<IAuditSink>(sp => sp.GetRequiredService<Switchboard>());
        context.Export<IObligationsStatus>();
        context.Export<IAuditSink>();
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPut("/covered", (CoveredInput input, Switchboard board) =>
        {
            board.Covered = input.Covered;
            return TypedResults.Ok(input);
        });
        routes.MapGet("/audit", (Switchboard board) => TypedResults.Ok(board.Events));
    }
}

public sealed record CoveredInput(bool Covered);

public sealed class Switchboard : IObligationsStatus, IAuditSink
{
    private readonly Lock _gate = new();
    private readonly List<MoneyEvent> _events = [];

    public bool Covered { get; set; } = true;

    public IReadOnlyList<MoneyEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public Task<bool> AreCoveredAsync(Month month, CancellationToken cancellationToken = default) => Task.FromResult(Covered);

    public Task RecordAsync(MoneyEvent moneyEvent, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _events.Add(moneyEvent);
        }

        return Task.CompletedTask;
    }
}
