using System.Text.Json.Nodes;
using Valhalla.Contracts;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Budget.Tests;

/// <summary>Reading a PATCH body: every field, its type, and the fields that cannot change.</summary>
public sealed class BucketPatchTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Created.AddDays(3);

    private static readonly Bucket Original = new()
    {
        Id = "bk_0123456789ab",
        Name = "Groceries",
        BucketType = "essentials",
        MonthlyLimit = Money.FromDecimal(900),
        Priority = "A",
        Rollover = false,
        Notes = "weekly",
        Status = "active",
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    [Fact]
    public void Every_field_can_change_at_once_and_is_listed_for_the_audit_trail()
    {
        var patch = BucketPatch.Parse(new JsonObject
        {
            ["name"] = " Food ",
            ["bucket_type"] = "variable",
            ["monthly_limit"] = 12.5,
            ["priority"] = "D",
            ["rollover"] = true,
            ["notes"] = null,
            ["status"] = "archived",
        });

        var patched = patch.ApplyTo(Original, Later);

        Assert.Equal(Original with
        {
            Name = "Food",
            BucketType = "variable",
            MonthlyLimit = Money.FromDecimal(12.5m),
            Priority = "D",
            Rollover = true,
            Notes = null,
            Status = "archived",
            UpdatedAt = Later,
        }, patched);
        Assert.Equal(["name", "bucket_type", "monthly_limit", "priority", "rollover", "notes", "status"], patch.Fields);
    }

    [Fact]
    public void An_empty_patch_changes_only_updated_at()
    {
        var patch = BucketPatch.Parse([]);

        Assert.Equal(Original with { UpdatedAt = Later }, patch.ApplyTo(Original, Later));
        Assert.Empty(patch.Fields);
    }

    public static TheoryData<string, JsonNode?> WrongTypes => new()
    {
        { "name", 5 },
        { "name", null },
        { "bucket_type", true },
        { "priority", new JsonArray() },
        { "rollover", "yes" },
        { "rollover", null },
        { "notes", 7 },
        { "status", 1 },
        { "monthly_limit", "ten" },
        { "monthly_limit", new JsonObject() },
        { "monthly_limit", null },
        { "monthly_limit", 1.005 },
        { "monthly_limit", 1_000_000_000m },
        { "monthly_limit", -1 },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public void A_value_of_the_wrong_kind_is_refused_naming_its_field(string field, JsonNode? value)
    {
        var problem = Assert.Throws<PackProblemException>(() => BucketPatch.Parse(new JsonObject { [field] = value }));

        Assert.Equal((400, field), (problem.Status, problem.Field));
        Assert.True(problem.Message.Length > field.Length + 4, problem.Message);
    }

    [Fact]
    public void A_limit_that_is_no_json_number_says_so()
    {
        foreach (JsonNode? value in new JsonNode?[] { new JsonObject(), null })
        {
            var problem = Assert.Throws<PackProblemException>(() => BucketPatch.Parse(new JsonObject { ["monthly_limit"] = value }));
            Assert.Equal("monthly_limit: must be a number, e.g. 120.50.", problem.Message);
        }
    }

    [Theory]
    [InlineData("id", "cannot be changed")]
    [InlineData("created_at", "cannot be changed")]
    [InlineData("updated_at", "cannot be changed")]
    [InlineData("colour", "is not a field of a bucket")]
    public void Read_only_and_unknown_fields_are_refused_saying_which(string field, string why)
    {
        var problem = Assert.Throws<PackProblemException>(() => BucketPatch.Parse(new JsonObject { [field] = "x" }));

        Assert.Equal(field, problem.Field);
        Assert.Contains(why, problem.Message);
    }
}
