using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Valhalla.Contracts.Access;
using Valhalla.Contracts.Values;
using Valhalla.Testing.Fakes;

namespace Valhalla.Packs.Kit.Tests;

/// <summary>Money events as a pack makes them: its code, the clock's time to the millisecond, a time-ordered id, the caller.</summary>
public sealed class MoneyEventsTests
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 1, 5, 9, 30, 0, 250, TimeSpan.Zero).AddTicks(4_321);

    [Fact]
    public void An_event_carries_the_packs_code_the_time_and_what_it_was_given()
    {
        var events = new MoneyEvents(new FakePackContext("P-BUDGET-2"), new FakeTimeProvider(At));

        var made = events.Create("bucket.limit_changed", "bk_aaaaaaaaaaaa", new Money(1250), "monthly_limit");

        Assert.Equal("P-BUDGET-2", made.Pack);
        Assert.Equal("bucket.limit_changed", made.Kind);
        Assert.Equal("bk_aaaaaaaaaaaa", made.SubjectId);
        Assert.Equal(new Money(1250), made.Amount);
        Assert.Equal("monthly_limit", made.Detail);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 30, 0, 250, TimeSpan.Zero), made.At);
        Assert.Null(made.Actor);
    }

    [Fact]
    public void An_event_without_amount_or_detail_has_neither()
    {
        var made = new MoneyEvents(new FakePackContext("P-X-1"), new FakeTimeProvider(At)).Create("bucket.archived", "bk_b", null);

        Assert.Equal((null, null), (made.Amount, made.Detail));
    }

    [Fact]
    public void The_id_is_ev_and_a_version_7_guid_of_the_events_time()
    {
        var made = new MoneyEvents(new FakePackContext("P-X-1"), new FakeTimeProvider(At)).Create("k", "s", null);

        Assert.Matches("^ev_[0-9a-f]{32}$", made.Id);
        Assert.Equal(7, Guid.ParseExact(made.Id![3..], "N").Version);
        var milliseconds = made.At.ToUnixTimeMilliseconds().ToString("x12", CultureInfo.InvariantCulture);
        Assert.Equal(milliseconds, made.Id[3..15]);
    }

    [Fact]
    public void Two_events_made_at_the_same_time_have_different_ids()
    {
        var events = new MoneyEvents(new FakePackContext("P-X-1"), new FakeTimeProvider(At));

        Assert.NotEqual(events.Create("k", "s", null).Id, events.Create("k", "s", null).Id);
    }

    [Fact]
    public void The_actor_is_the_name_of_the_key_that_made_the_request()
    {
        var context = new DefaultHttpContext();
        context.Features.Set(new Caller("phone", AccessScope.Write));
        var events = new MoneyEvents(new FakePackContext("P-X-1"), new FakeTimeProvider(At), new HttpContextAccessor { HttpContext = context });

        Assert.Equal("phone", events.Create("k", "s", null).Actor);
    }

    [Fact]
    public void Without_a_request_or_a_caller_there_is_no_actor()
    {
        var noRequest = new MoneyEvents(new FakePackContext("P-X-1"), new FakeTimeProvider(At), new HttpContextAccessor());
        var noCaller = new MoneyEvents(new FakePackContext("P-X-1"), new FakeTimeProvider(At), new HttpContextAccessor { HttpContext = new DefaultHttpContext() });

        Assert.Null(noRequest.Create("k", "s", null).Actor);
        Assert.Null(noCaller.Create("k", "s", null).Actor);
    }
}
