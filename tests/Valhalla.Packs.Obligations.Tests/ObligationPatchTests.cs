using System.Text.Json.Nodes;
using Valhalla.Contracts;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Obligations.Tests;

/// <summary>A partial update parsed from JSON and applied, without a database.</summary>
public sealed class ObligationPatchTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static readonly Obligation Power = new()
    {
        Id = "ob_0123456789ab",
        Name = "Power",
        AmountMin = Money.FromDecimal(50),
        AmountMax = Money.FromDecimal(150),
        BucketId = "bk_0123456789ab",
        Recurrence = RecurrenceRules.Parse(new("monthly", Day: 15, StartDate: "2026-01-01")),
        GraceDays = 3,
        Priority = "A",
        Notes = "meter 7",
        Status = "active",
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    [Fact]
    public void Each_field_given_is_changed_and_listed_and_the_rest_kept()
    {
        var patch = ObligationPatch.Parse(new JsonObject
        {
            ["name"] = " Electricity ",
            ["amount_min"] = 60,
            ["amount_max"] = 160,
            ["bucket_id"] = "bk_ba9876543210",
            ["grace_days"] = 0,
            ["priority"] = "C",
            ["status"] = "archived",
        });

        Assert.Equal(["name", "amount_min", "amount_max", "bucket_id", "grace_days", "priority", "status"], patch.Fields);
        Assert.Equal("bk_ba9876543210", patch.NewBucketId);
        Assert.Equal(Power with
        {
            Name = "Electricity",
            AmountMin = Money.FromDecimal(60),
            AmountMax = Money.FromDecimal(160),
            BucketId = "bk_ba9876543210",
            GraceDays = 0,
            Priority = "C",
            Status = "archived",
            UpdatedAt = Now,
        }, patch.ApplyTo(Power, Now));
    }

    [Fact]
    public void A_fixed_amount_sets_both_ends_and_null_clears_the_bucket_and_notes()
    {
        var patch = ObligationPatch.Parse(new JsonObject { ["amount"] = 99.5, ["bucket_id"] = null, ["notes"] = null });

        Assert.Null(patch.NewBucketId);
        Assert.Equal(Power with { AmountMin = Money.FromDecimal(99.5m), AmountMax = Money.FromDecimal(99.5m), BucketId = null, Notes = null, UpdatedAt = Now },
            patch.ApplyTo(Power, Now));
    }

    [Fact]
    public void A_minimum_above_the_kept_maximum_is_refused_when_applied()
    {
        var patch = ObligationPatch.Parse(new JsonObject { ["amount_min"] = 150.01 });

        var problem = Assert.Throws<PackProblemException>(() => patch.ApplyTo(Power, Now));

        Assert.Equal(("amount_max", "amount_max: must not be less than amount_min (150.01)."), (problem.Field, problem.Message));
        Assert.Equal(Money.FromDecimal(150), ObligationPatch.Parse(new JsonObject { ["amount_min"] = 150 }).ApplyTo(Power, Now).AmountMin);
    }

    [Theory]
    [InlineData("name", "7", "name: must be a string.")]
    [InlineData("grace_days", "\"5\"", "grace_days: must be a whole number.")]
    [InlineData("amount", "{\"value\": 5}", "amount: must be a number, e.g. 120.50.")]
    [InlineData("amount", "null", "amount: must be a number, e.g. 120.50.")]
    [InlineData("amount_max", "0", "amount_max: must be greater than 0.")]
    [InlineData("recurrence", "\"monthly\"", "recurrence: must be an object.")]
    [InlineData("notes", "[]", "notes: must be a string.")]
    [InlineData("id", "\"ob_000000000000\"", "id: cannot be changed.")]
    [InlineData("created_at", "\"2026-01-01\"", "created_at: cannot be changed.")]
    [InlineData("updated_at", "\"2026-01-01\"", "updated_at: cannot be changed.")]
    [InlineData("colour", "\"red\"", "colour: is not a field of an obligation.")]
    public void A_bad_field_is_refused_naming_it(string field, string json, string message)
    {
        var problem = Assert.Throws<PackProblemException>(() => ObligationPatch.Parse(new JsonObject { [field] = JsonNode.Parse(json) }));

        Assert.Equal((field, message), (problem.Field, problem.Message));
    }

    [Theory]
    [InlineData("amount_min")]
    [InlineData("amount_max")]
    public void A_fixed_amount_with_either_end_of_a_range_is_refused(string end)
    {
        var problem = Assert.Throws<PackProblemException>(() => ObligationPatch.Parse(new JsonObject { ["amount"] = 10, [end] = 20 }));

        Assert.Equal(("amount", "amount: give either amount, or amount_min and amount_max, not both."), (problem.Field, problem.Message));
    }
}
