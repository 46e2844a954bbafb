using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Valhalla.Contracts;
using Valhalla.Contracts.Access;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Obligations.Tests;

public sealed class ObligationServiceTests : IAsyncLifetime
{
    private readonly ObligationsFixture _f = new();

    public Task InitializeAsync() => _f.InitializeAsync();

    public Task DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task Created_obligations_have_an_ob_id_defaults_and_read_back_equal()
    {
        var rent = await _f.MonthlyAsync("  Rent ", 950m, 31);

        Assert.True(PrefixedId.IsValid(rent.Id, "ob"));
        Assert.Equal(("Rent", Money.FromDecimal(950), 3, "A", "active"), (rent.Name, rent.Amount!.Value, rent.GraceDays, rent.Priority, rent.Status));
        Assert.Equal(rent, await _f.Obligations.GetAsync(rent.Id, default));
    }

    [Fact]
    public async Task A_range_has_no_fixed_amount_and_a_bad_amount_is_a_400_naming_it()
    {
        var power = await _f.Obligations.CreateAsync(new CreateObligation("Power", new RecurrenceInput("monthly", Day: 15, StartDate: "2026-01-01"),
            AmountMin: Money.FromDecimal(50), AmountMax: Money.FromDecimal(150)), default);

        Assert.Null(power.Amount);
        Assert.Equal("amount_max", (await Assert.ThrowsAsync<PackProblemException>(() => _f.Obligations.CreateAsync(new CreateObligation("X",
            new RecurrenceInput("monthly", Day: 1, StartDate: "2026-01-01"), AmountMin: Money.FromDecimal(50), AmountMax: Money.FromDecimal(40)), default))).Field);
        Assert.Equal("amount", (await Assert.ThrowsAsync<PackProblemException>(() => _f.Obligations.CreateAsync(new CreateObligation("X",
            new RecurrenceInput("monthly", Day: 1, StartDate: "2026-01-01"), Money.FromDecimal(0)), default))).Field);
        Assert.Equal("amount_min", (await Assert.ThrowsAsync<PackProblemException>(() => _f.Obligations.CreateAsync(new CreateObligation("X",
            new RecurrenceInput("monthly", Day: 1, StartDate: "2026-01-01")), default))).Field);
    }

    [Fact]
    public async Task With_the_budget_loaded_the_bucket_must_be_an_active_bucket()
    {
        var buckets = new FakeBuckets();
        buckets.Buckets["bk_aaaaaaaaaaaa"] = new BucketInfo("bk_aaaaaaaaaaaa", "Housing", "essentials", IsActive: true);
        buckets.Buckets["bk_bbbbbbbbbbbb"] = new BucketInfo("bk_bbbbbbbbbbbb", "Old", "variable", IsActive: false);
        _f.Packs.Add<IBucketDirectory>(buckets);

        Assert.Equal("bk_aaaaaaaaaaaa", (await _f.MonthlyAsync("Rent", 950m, 1, "bk_aaaaaaaaaaaa")).BucketId);
        Assert.Equal("bucket_id", (await Assert.ThrowsAsync<PackProblemException>(() => _f.MonthlyAsync("Gym", 30m, 1, "bk_bbbbbbbbbbbb"))).Field);
        Assert.Equal("bucket_id", (await Assert.ThrowsAsync<PackProblemException>(() => _f.MonthlyAsync("Gym", 30m, 1, "bk_cccccccccccc"))).Field);
    }

    [Fact]
    public async Task Patch_changes_the_fields_given_replaces_the_recurrence_and_archives()
    {
        var rent = await _f.MonthlyAsync("Rent", 950m, 1);

        var changed = await _f.Obligations.UpdateAsync(rent.Id, new JsonObject
        {
            ["amount"] = 990,
            ["recurrence"] = new JsonObject { ["frequency"] = "weekly", ["interval"] = 2, ["weekday"] = "friday", ["start_date"] = "2026-03-01" },
            ["notes"] = "new lease",
        }, default);
        var archived = await _f.Obligations.UpdateAsync(rent.Id, new JsonObject { ["status"] = "archived" }, default);

        Assert.Equal((Money.FromDecimal(990), DayOfWeek.Friday, 2, "new lease"), (changed.AmountMin, changed.Recurrence.Weekday!.Value, changed.Recurrence.Interval, changed.Notes));
        Assert.Equal("archived", archived.Status);
        Assert.Empty(await _f.Obligations.ListAsync(new ObligationFilter(Status: "active"), default));
    }

    [Theory]
    [InlineData("id", "\"ob_000000000000\"")]
    [InlineData("colour", "\"red\"")]
    [InlineData("grace_days", "-1")]
    [InlineData("recurrence", "{\"frequency\": \"monthly\", \"day\": 40, \"start_date\": \"2026-01-01\"}")]
    [InlineData("recurrence", "{\"frequency\": \"monthly\", \"day\": 1, \"start\": \"2026-01-01\"}")]
    public async Task A_bad_patch_is_a_400_naming_the_field_and_changes_nothing(string field, string json)
    {
        var rent = await _f.MonthlyAsync("Rent", 950m, 1);

        var problem = await Assert.ThrowsAsync<PackProblemException>(() => _f.Obligations.UpdateAsync(rent.Id, new JsonObject { [field] = JsonNode.Parse(json) }, default));

        Assert.StartsWith(field, problem.Field);
        Assert.Equal(rent, await _f.Obligations.GetAsync(rent.Id, default));
    }

    [Fact]
    public async Task Changes_write_events_with_the_caller_as_actor()
    {
        var request = new DefaultHttpContext();
        request.Features.Set(new Caller("phone", AccessScope.Write));
        _f.Http.HttpContext = request;

        var rent = await _f.MonthlyAsync("Rent", 950m, 1);
        await _f.Obligations.UpdateAsync(rent.Id, new JsonObject { ["grace_days"] = 5 }, default);
        await _f.Obligations.UpdateAsync(rent.Id, new JsonObject { ["status"] = "archived" }, default);

        var events = await _f.Outbox.PeekAsync(10);
        Assert.Equal(["obligation.created", "obligation.updated", "obligation.archived"], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal((rent.Id, "P-OBLIG-1", "phone"), (e.SubjectId, e.Pack, e.Actor)));
        Assert.Equal("grace_days", events[1].Detail);
    }

    [Fact]
    public async Task Without_a_request_the_actor_is_null()
    {
        await _f.MonthlyAsync("Rent", 950m, 1);

        Assert.Null(Assert.Single(await _f.Outbox.PeekAsync(10)).Actor);
    }
}
