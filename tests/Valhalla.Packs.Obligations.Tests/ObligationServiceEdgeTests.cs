using System.Text.Json.Nodes;
using Valhalla.Contracts;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Obligations.Tests;

/// <summary>The service's defaults, filters, 404s, bucket checks on change and the details of its events.</summary>
public sealed class ObligationServiceEdgeTests : IAsyncLifetime
{
    private readonly ObligationsFixture _f = new();

    public Task InitializeAsync() => _f.InitializeAsync();

    public Task DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task A_priority_given_is_kept()
    {
        var gym = await _f.Obligations.CreateAsync(new CreateObligation("Gym", new RecurrenceInput("monthly", Day: 1, StartDate: "2026-03-01"), Money.FromDecimal(30),
            Priority: "C"), default);

        Assert.Equal("C", gym.Priority);
    }

    [Fact]
    public async Task The_list_filters_by_status_and_bucket_and_without_filters_lists_all_by_priority_then_name()
    {
        var rent = await _f.MonthlyAsync("Rent", 950m, 1, "bk_aaaaaaaaaaaa");
        var gym = await _f.MonthlyAsync("gym", 30m, 1);
        var old = await _f.MonthlyAsync("Old", 5m, 1, "bk_aaaaaaaaaaaa");
        await _f.Obligations.UpdateAsync(old.Id, new JsonObject { ["status"] = "archived" }, default);

        Assert.Equal([gym.Id, old.Id, rent.Id], (await _f.Obligations.ListAsync(new ObligationFilter(), default)).Select(o => o.Id));
        Assert.Equal([old.Id], (await _f.Obligations.ListAsync(new ObligationFilter("archived"), default)).Select(o => o.Id));
        Assert.Equal([gym.Id, rent.Id], (await _f.Obligations.ListAsync(new ObligationFilter("active"), default)).Select(o => o.Id));
        Assert.Equal([rent.Id], (await _f.Obligations.ListAsync(new ObligationFilter("active", "bk_aaaaaaaaaaaa"), default)).Select(o => o.Id));
        Assert.Equal("status", Assert.Throws<PackProblemException>(() => ObligationsApi.Filter(new ObligationQuery { Status = "paused" })).Field);
    }

    [Fact]
    public async Task An_unknown_obligation_is_a_404_on_read_and_on_change()
    {
        var read = await Assert.ThrowsAsync<PackProblemException>(() => _f.Obligations.GetAsync("ob_000000000000", default));
        var change = await Assert.ThrowsAsync<PackProblemException>(() => _f.Obligations.UpdateAsync("ob_000000000000", new JsonObject { ["notes"] = "x" }, default));

        Assert.Equal((404, "No obligation has id 'ob_000000000000'."), (read.Status, read.Message));
        Assert.Equal((404, "No obligation has id 'ob_000000000000'."), (change.Status, change.Message));
        Assert.Empty(await _f.Outbox.PeekAsync(10));
    }

    [Fact]
    public async Task With_the_budget_loaded_a_change_of_bucket_must_name_an_active_bucket()
    {
        var buckets = new FakeBuckets();
        buckets.Buckets["bk_aaaaaaaaaaaa"] = new BucketInfo("bk_aaaaaaaaaaaa", "Housing", "essentials", IsActive: true);
        buckets.Buckets["bk_bbbbbbbbbbbb"] = new BucketInfo("bk_bbbbbbbbbbbb", "Old", "variable", IsActive: false);
        _f.Packs.Add<IBucketDirectory>(buckets);
        var rent = await _f.MonthlyAsync("Rent", 950m, 1, "bk_aaaaaaaaaaaa");

        var archived = await Assert.ThrowsAsync<PackProblemException>(() => _f.Obligations.UpdateAsync(rent.Id, new JsonObject { ["bucket_id"] = "bk_bbbbbbbbbbbb" }, default));
        var unknown = await Assert.ThrowsAsync<PackProblemException>(() => _f.Obligations.UpdateAsync(rent.Id, new JsonObject { ["bucket_id"] = "bk_cccccccccccc" }, default));
        var cleared = await _f.Obligations.UpdateAsync(rent.Id, new JsonObject { ["bucket_id"] = null }, default);

        Assert.Equal("bucket_id: bucket 'Old' is archived; choose an active bucket.", archived.Message);
        Assert.Equal("bucket_id: no bucket has id 'bk_cccccccccccc'.", unknown.Message);
        Assert.Null(cleared.BucketId);
    }

    [Fact]
    public async Task Events_carry_the_amount_the_name_on_creation_and_every_field_changed()
    {
        var power = await _f.Obligations.CreateAsync(new CreateObligation("Power", new RecurrenceInput("monthly", Day: 15, StartDate: "2026-03-01"),
            AmountMin: Money.FromDecimal(50), AmountMax: Money.FromDecimal(150)), default);
        await _f.Obligations.UpdateAsync(power.Id, new JsonObject { ["grace_days"] = 5, ["notes"] = "meter 7" }, default);
        await _f.Obligations.UpdateAsync(power.Id, new JsonObject { ["status"] = "archived" }, default);
        await _f.Obligations.UpdateAsync(power.Id, new JsonObject { ["notes"] = "closed" }, default);

        var events = await _f.Outbox.PeekAsync(10);

        Assert.Equal([("obligation.created", "Power"), ("obligation.updated", "grace_days,notes"), ("obligation.archived", "Power"), ("obligation.updated", "notes")],
            events.Select(e => (e.Kind, e.Detail)));
        Assert.All(events, e => Assert.Equal(Money.FromDecimal(50), e.Amount));
        Assert.All(events, e => Assert.Equal(_f.Time.Now, e.At));
    }
}
