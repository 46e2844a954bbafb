using System.Text.Json.Nodes;
using Valhalla.Contracts;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Budget.Tests;

public sealed class BucketServiceTests : IAsyncLifetime
{
    private readonly BudgetFixture _f = new();

    public Task InitializeAsync() => _f.InitializeAsync();

    public Task DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task Creating_a_bucket_fills_defaults_and_stores_it()
    {
        var created = await _f.Budget.CreateAsync(new CreateBucket("  Groceries ", "essentials", Contracts.Values.Money.FromDecimal(900.5m)), default);

        var stored = await _f.Budget.GetAsync(created.Id, default);

        Assert.True(Contracts.Values.PrefixedId.IsValid(created.Id, "bk"));
        Assert.Equal(created, stored);
        Assert.Equal("Groceries", stored.Name);
        Assert.Equal(90050, stored.MonthlyLimit.MinorUnits);
        Assert.Equal("B", stored.Priority);
        Assert.False(stored.Rollover);
        Assert.Equal("active", stored.Status);
        Assert.Equal(_f.Time.Now, stored.CreatedAt);
    }

    [Theory]
    [InlineData("", "variable", 10, "B", "name")]
    [InlineData("Rent", "luxury", 10, "B", "bucket_type")]
    [InlineData("Rent", "essentials", -1, "B", "monthly_limit")]
    [InlineData("Rent", "essentials", 10, "E", "priority")]
    public async Task Invalid_fields_are_refused_naming_the_field(string name, string type, decimal limit, string priority, string field)
    {
        var problem = await Assert.ThrowsAsync<PackProblemException>(() => _f.CreateAsync(name, type, limit, priority));

        Assert.Equal(400, problem.Status);
        Assert.Equal(field, problem.Field);
        Assert.Empty(await _f.Budget.ListAsync(new BucketFilter(), default));
    }

    [Fact]
    public async Task Active_names_are_unique_regardless_of_case_until_archived()
    {
        var first = await _f.CreateAsync("Groceries");

        var duplicate = await Assert.ThrowsAsync<PackProblemException>(() => _f.CreateAsync("GROCERIES"));
        await _f.Budget.UpdateAsync(first.Id, new JsonObject { ["status"] = "archived" }, default);
        var second = await _f.CreateAsync("Groceries");

        Assert.Equal(409, duplicate.Status);
        Assert.Equal("active", second.Status);
        var reactivate = await Assert.ThrowsAsync<PackProblemException>(() => _f.Budget.UpdateAsync(first.Id, new JsonObject { ["status"] = "active" }, default));
        Assert.Equal(409, reactivate.Status);
    }

    [Fact]
    public async Task Listing_orders_by_priority_then_name_and_filters_by_status_and_type()
    {
        await _f.CreateAsync("Zoo", "fun", priority: "A");
        await _f.CreateAsync("apples", "essentials", priority: "C");
        await _f.CreateAsync("Bread", "essentials", priority: "C");
        var old = await _f.CreateAsync("Old", "fun", priority: "A");
        await _f.Budget.UpdateAsync(old.Id, new JsonObject { ["status"] = "archived" }, default);

        var all = await _f.Budget.ListAsync(new BucketFilter(), default);
        var active = await _f.Budget.ListAsync(new BucketFilter(Status: "active"), default);
        var essentials = await _f.Budget.ListAsync(new BucketFilter(BucketType: "essentials"), default);

        Assert.Equal(["Old", "Zoo", "apples", "Bread"], all.Select(b => b.Name));
        Assert.Equal(["Zoo", "apples", "Bread"], active.Select(b => b.Name));
        Assert.Equal(["apples", "Bread"], essentials.Select(b => b.Name));
        Assert.Equal("status", Assert.Throws<PackProblemException>(() => BucketsApi.Filter(new BucketQuery { Status = "gone" })).Field);
        Assert.Equal("bucket_type", Assert.Throws<PackProblemException>(() => BucketsApi.Filter(new BucketQuery { BucketType = "toys" })).Field);
    }

    [Fact]
    public async Task An_unknown_bucket_is_404()
    {
        var problem = await Assert.ThrowsAsync<PackProblemException>(() => _f.Budget.GetAsync("bk_000000000000", default));

        Assert.Equal((404, "Unknown bucket."), (problem.Status, problem.Title));
    }

    [Fact]
    public async Task Patching_changes_only_the_given_fields_and_moves_updated_at()
    {
        var bucket = await _f.CreateAsync("Groceries", "essentials", 900, "A");
        _f.Time.Now = _f.Time.Now.AddHours(2);

        var patched = await _f.Budget.UpdateAsync(bucket.Id, new JsonObject { ["notes"] = "weekly shop", ["monthly_limit"] = 950 }, default);
        var cleared = await _f.Budget.UpdateAsync(bucket.Id, new JsonObject { ["notes"] = null }, default);

        Assert.Equal("weekly shop", patched.Notes);
        Assert.Equal(95000, patched.MonthlyLimit.MinorUnits);
        Assert.Equal(bucket with { Notes = "weekly shop", MonthlyLimit = patched.MonthlyLimit, UpdatedAt = _f.Time.Now }, patched);
        Assert.Null(cleared.Notes);
        Assert.Equal(bucket.CreatedAt, (await _f.Budget.GetAsync(bucket.Id, default)).CreatedAt);
    }

    [Theory]
    [InlineData("id", "bk_ffffffffffff")]
    [InlineData("created_at", "2020-01-01T00:00:00Z")]
    [InlineData("colour", "red")]
    public async Task Patching_an_immutable_or_unknown_field_is_refused_and_changes_nothing(string field, string value)
    {
        var bucket = await _f.CreateAsync("Groceries");

        var problem = await Assert.ThrowsAsync<PackProblemException>(() =>
            _f.Budget.UpdateAsync(bucket.Id, new JsonObject { ["notes"] = "changed", [field] = value }, default));

        Assert.Equal(field, problem.Field);
        Assert.Equal(bucket, await _f.Budget.GetAsync(bucket.Id, default));
    }

    [Fact]
    public async Task Bucket_changes_and_allocations_write_their_events_to_the_outbox_with_the_change()
    {
        var bucket = await _f.CreateAsync("Groceries");
        await _f.Budget.AllocateAsync(BucketRules.Month("2026-01", "month"), bucket.Id, new AllocationInput(Contracts.Values.Money.FromDecimal(150)), default);
        await _f.Budget.UpdateAsync(bucket.Id, new JsonObject { ["notes"] = "still saved" }, default);
        await _f.Budget.UpdateAsync(bucket.Id, new JsonObject { ["status"] = "archived" }, default);
        await Assert.ThrowsAsync<PackProblemException>(() => _f.Budget.UpdateAsync(bucket.Id, new JsonObject { ["priority"] = "E" }, default));

        var events = await _f.Outbox.PeekAsync(10);

        Assert.Equal(["bucket.created", "allocation.set", "bucket.updated", "bucket.archived"], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal((bucket.Id, "P-BUDGET-1"), (e.SubjectId, e.Pack)));
        Assert.Equal("notes", events[2].Detail);
    }
}
