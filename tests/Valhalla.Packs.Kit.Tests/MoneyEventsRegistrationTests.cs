using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Valhalla.Contracts;
using Valhalla.Contracts.Access;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Stores;
using Valhalla.Testing.Fakes;

namespace Valhalla.Packs.Kit.Tests;

/// <summary>AddMoneyEvents: one MoneyEvents made from the pack's context, clock and request, and the outbox reader for the host.</summary>
public sealed class MoneyEventsRegistrationTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IPackContext>(new FakePackContext("P-X-1"));
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(At));
        services.AddSingleton<IPackDatabase>(new UnusedDatabase());
        return services;
    }

    [Fact]
    public void It_registers_one_event_maker_and_one_outbox()
    {
        var services = Services();

        Assert.Same(services, services.AddMoneyEvents());
        using var provider = services.BuildServiceProvider();

        Assert.IsType<OutboxReader>(provider.GetRequiredService<IMoneyEventOutbox>());
        Assert.Same(provider.GetRequiredService<IMoneyEventOutbox>(), provider.GetRequiredService<IMoneyEventOutbox>());
        Assert.Same(provider.GetRequiredService<MoneyEvents>(), provider.GetRequiredService<MoneyEvents>());
    }

    [Fact]
    public void Events_are_made_with_the_packs_context_clock_and_request()
    {
        var context = new DefaultHttpContext();
        context.Features.Set(new Caller("laptop", AccessScope.Admin));
        var services = Services();
        services.AddSingleton<IHttpContextAccessor>(new HttpContextAccessor { HttpContext = context });
        using var provider = services.AddMoneyEvents().BuildServiceProvider();

        var made = provider.GetRequiredService<MoneyEvents>().Create("k", "s", null);

        Assert.Equal(("P-X-1", At, "laptop"), (made.Pack, made.At, made.Actor));
    }

    [Fact]
    public void Without_an_http_context_accessor_events_have_no_actor()
    {
        using var provider = Services().AddMoneyEvents().BuildServiceProvider();

        Assert.Null(provider.GetRequiredService<MoneyEvents>().Create("k", "s", null).Actor);
    }

    private sealed class UnusedDatabase : IPackDatabase
    {
        public string DataPath => "x/x.db";

        public Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> write, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
