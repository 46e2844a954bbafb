using System.Text.Json.Nodes;
using Dapper;
using Valhalla.Contracts;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Budget.Tests;

/// <summary>The edges of the budget: names that look alike, the active-bucket cap, the last month there is, range bounds.</summary>
public sealed class BudgetLimitsTests : IAsyncLifetime
{
    private readonly BudgetFixture _f = new();

    public Task InitializeAsync() => _f.InitializeAsync();

    public Task DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task Cafe_in_NFC_and_NFD_is_one_name()
    {
        var composed = await _f.CreateAsync("Caf\u00e9");

        var decomposed = await Assert.ThrowsAsync<PackProblemException>(() => _f.CreateAsync("Cafe\u0301"));

        Assert.Equal("Caf\u00e9", composed.Name);
        AssertConflict(decomposed);
        Assert.Contains("Caf\u00e9", decomposed.Message);
    }

    [Fact]
    public async Task A_renamed_bucket_is_normalised_too_and_checked_against_active_names()
    {
        await _f.CreateAsync("Caf\u00e9");
        var other = await _f.CreateAsync("Tea");

        var clash = await Assert.ThrowsAsync<PackProblemException>(() => _f.Budget.UpdateAsync(other.Id, new JsonObject { ["name"] = "cafe\u0301" }, default));
        var control = await Assert.ThrowsAsync<PackProblemException>(() => _f.Budget.UpdateAsync(other.Id, new JsonObject { ["name"] = "T\u0000ea" }, default));

        AssertConflict(clash);
        Assert.Equal("name", control.Field);
        Assert.Equal("Tea", (await _f.Budget.GetAsync(other.Id, default)).Name);
    }

    [Fact]
    public async Task At_most_500_buckets_are_active_and_archived_ones_do_not_count()
    {
        var archived = await _f.CreateAsync("Old");
        await _f.Budget.UpdateAsync(archived.Id, new JsonObject { ["status"] = "archived" }, default);
        await SeedActiveAsync(BucketRules.MaxActiveBuckets - 1);

        var last = await _f.CreateAsync("Last");
        var over = await Assert.ThrowsAsync<PackProblemException>(() => _f.CreateAsync("One too many"));
        var reactivated = await Assert.ThrowsAsync<PackProblemException>(() => _f.Budget.UpdateAsync(archived.Id, new JsonObject { ["status"] = "active" }, default));
        var renamed = await _f.Budget.UpdateAsync(last.Id, new JsonObject { ["name"] = "Still active", ["status"] = "active" }, default);

        AssertConflict(over);
        AssertConflict(reactivated);
        Assert.Contains("500", over.Message);
        Assert.Equal("Still active", renamed.Name);
        Assert.Equal(BucketRules.MaxActiveBuckets, (await _f.Budget.ListAsync(new BucketFilter(Status: "active"), default)).Count);
        Assert.Equal("archived", (await _f.Budget.GetAsync(archived.Id, default)).Status);
    }

    [Fact]
    public async Task The_last_month_there_is_has_a_snapshot_and_a_rollover_chain_reaches_it()
    {
        var holiday = await _f.CreateAsync("Holiday", "sinking", 100, rollover: true); // created 2026-01
        _f.Ledger.Spend(holiday, "9999-12", 30);

        var line = await _f.LineAsync("9999-12", holiday);
        var range = await _f.Budget.RangeAsync(BucketRules.Month("9999-01", "from"), BucketRules.Month("9999-12", "to"), default);

        var months = Month.Of(9999, 12).MonthsSince(Month.Of(2026, 1));
        Assert.Equal(Money.FromDecimal(100m * months), line.CarriedIn);
        Assert.Equal(Money.FromDecimal(100m * (months + 1) - 30), line.Remaining);
        Assert.Equal(12, range.Months.Count);
        Assert.Equal(line, range.Months[^1].Buckets.Single());
    }

    [Theory]
    [InlineData("2026-01", "2035-12", null)]
    [InlineData("2026-01", "2036-01", "to")]
    [InlineData("2026-02", "2026-01", "to")]
    [InlineData("2026-02", "2026-02", null)]
    [InlineData(null, "2026-01", "from")]
    [InlineData("2026-01", null, "to")]
    public async Task A_range_runs_forward_over_at_most_120_months(string? from, string? to, string? refusedField)
    {
        if (refusedField is null)
        {
            var range = await _f.Budget.RangeAsync(BucketRules.Month(from, "from"), BucketRules.Month(to, "to"), default);
            Assert.Equal(Month.Parse(to!).MonthsSince(Month.Parse(from!)) + 1, range.Months.Count);
            Assert.Equal((Month.Parse(from!), Month.Parse(to!)), (range.From, range.To));
        }
        else
        {
            var problem = await Assert.ThrowsAsync<PackProblemException>(() => _f.Budget.RangeAsync(BucketRules.Month(from, "from"), BucketRules.Month(to, "to"), default));
            Assert.Equal((400, refusedField), (problem.Status, problem.Field));
            Assert.True(problem.Message.Length > refusedField.Length + 4, problem.Message);
        }
    }

    [Fact]
    public async Task Allocating_to_an_unknown_bucket_is_404_and_a_bad_month_or_amount_names_its_field()
    {
        var bucket = await _f.CreateAsync("Groceries");

        var unknown = await Assert.ThrowsAsync<PackProblemException>(() => _f.Budget.AllocateAsync(BucketRules.Month("2026-01", "month"), "bk_000000000000", new AllocationInput(Money.Zero), default));
        var month = await Assert.ThrowsAsync<PackProblemException>(() => _f.Budget.AllocateAsync(BucketRules.Month("2026-13", "month"), bucket.Id, new AllocationInput(Money.Zero), default));
        var negative = await Assert.ThrowsAsync<PackProblemException>(() => _f.Budget.AllocateAsync(BucketRules.Month("2026-01", "month"), bucket.Id, new AllocationInput(new Money(-1)), default));
        var over = await Assert.ThrowsAsync<PackProblemException>(() =>
            _f.Budget.AllocateAsync(BucketRules.Month("2026-01", "month"), bucket.Id, new AllocationInput(Money.MaxAmount + new Money(1)), default));

        Assert.Equal((404, "Unknown bucket."), (unknown.Status, unknown.Title));
        Assert.Equal(["month", "amount", "amount"], new[] { month, negative, over }.Select(p => p.Field));
        Assert.Null((await _f.LineAsync("2026-01", bucket)).Allocation);
    }

    [Fact]
    public async Task Setting_and_clearing_an_allocation_are_audited_as_two_kinds_naming_the_month()
    {
        var bucket = await _f.CreateAsync("Groceries", limit: 80);

        var set = await _f.Budget.AllocateAsync(BucketRules.Month("2026-03", "month"), bucket.Id, new AllocationInput(Money.MaxAmount), default);
        var cleared = await _f.Budget.AllocateAsync(BucketRules.Month("2026-03", "month"), bucket.Id, new AllocationInput(null), default);

        Assert.Equal(new Allocation(bucket.Id, Month.Of(2026, 3), Money.MaxAmount, Money.MaxAmount), set);
        Assert.Equal(new Allocation(bucket.Id, Month.Of(2026, 3), null, Money.FromDecimal(80)), cleared);
        Assert.Equal(
            [("bucket.created", (Money?)Money.FromDecimal(80), "Groceries"), ("allocation.set", Money.MaxAmount, "2026-03"), ("allocation.cleared", null, "2026-03")],
            (await _f.Outbox.PeekAsync(100)).Select(e => (e.Kind, e.Amount, e.Detail)));
    }

    [Fact]
    public async Task A_patch_is_audited_with_the_fields_it_changed()
    {
        var bucket = await _f.CreateAsync("Groceries");

        await _f.Budget.UpdateAsync(bucket.Id, new JsonObject { ["monthly_limit"] = 12.5, ["notes"] = "n" }, default);

        var updated = (await _f.Outbox.PeekAsync(100))[^1];
        Assert.Equal(("bucket.updated", bucket.Id, (Money?)Money.FromDecimal(12.5m), "monthly_limit,notes"), (updated.Kind, updated.SubjectId, updated.Amount, updated.Detail));
    }

    [Fact]
    public async Task Patching_an_unknown_bucket_is_404()
    {
        var problem = await Assert.ThrowsAsync<PackProblemException>(() => _f.Budget.UpdateAsync("bk_000000000000", new JsonObject { ["notes"] = "x" }, default));

        Assert.Equal((404, "Unknown bucket."), (problem.Status, problem.Title));
        Assert.Empty(await _f.Outbox.PeekAsync(100));
    }

    [Fact]
    public async Task The_directory_tells_other_packs_a_buckets_type_and_whether_it_is_active()
    {
        var directory = new BucketDirectory(new BudgetStore(_f.Database, new ChangeCounter()));
        var bucket = await _f.CreateAsync("Groceries", "essentials");
        await _f.Budget.UpdateAsync(bucket.Id, new JsonObject { ["status"] = "archived" }, default);

        Assert.Equal(new BucketInfo(bucket.Id, "Groceries", "essentials", IsActive: false), await directory.FindAsync(bucket.Id));
        Assert.Null(await directory.FindAsync("bk_000000000000"));
    }

    [Fact]
    public async Task The_directory_lists_only_active_buckets_by_name_ignoring_case()
    {
        var directory = new BucketDirectory(new BudgetStore(_f.Database, new ChangeCounter()));
        var cherry = await _f.CreateAsync("cherry", "essentials");
        var apple = await _f.CreateAsync("apple", "variable");
        var banana = await _f.CreateAsync("Banana", "essentials");
        var archived = await _f.CreateAsync("Aardvark", "variable");
        await _f.Budget.UpdateAsync(archived.Id, new JsonObject { ["status"] = "archived" }, default);

        Assert.Equal(
            [
                new BucketInfo(apple.Id, "apple", "variable", IsActive: true),
                new BucketInfo(banana.Id, "Banana", "essentials", IsActive: true),
                new BucketInfo(cherry.Id, "cherry", "essentials", IsActive: true),
            ],
            await directory.ListActiveAsync());
    }

    private static void AssertConflict(PackProblemException problem)
    {
        Assert.Equal(409, problem.Status);
        Assert.NotEmpty(problem.Title);
        Assert.NotEmpty(problem.Message);
    }

    // Straight into the table in one write: hundreds of buckets through the service would cost a commit each.
    private Task SeedActiveAsync(int count) =>
        _f.Database.WriteAsync((connection, tx, ct) => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO buckets (id, name, bucket_type, monthly_limit, priority, rollover, notes, status, created_at, updated_at)
            VALUES (@Id, @Name, 'variable', 0, 'B', 0, NULL, 'active', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')
            """,
            Enumerable.Range(0, count).Select(i => new { Id = PrefixedId.New("bk"), Name = $"seed {i}" }), tx, cancellationToken: ct)));
}
