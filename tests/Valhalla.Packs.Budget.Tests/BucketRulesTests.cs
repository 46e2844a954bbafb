using Valhalla.Contracts;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Budget.Tests;

/// <summary>The field rules of a bucket as tables: each boundary on both sides, each failure naming its field.</summary>
public sealed class BucketRulesTests
{
    private const string Composed = "Caf\u00e9";
    private const string Decomposed = "Cafe\u0301";

    [Theory]
    [InlineData("  Groceries\t", "Groceries")]
    [InlineData(Decomposed, Composed)]
    [InlineData(Composed, Composed)]
    public void A_name_is_trimmed_and_normalised_to_NFC(string given, string stored) =>
        Assert.Equal(stored, BucketRules.Name(given));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Gro\u0000ceries")]
    [InlineData("Gro\nceries")]
    [InlineData("Gro\u001bceries")]
    [InlineData("Gro\u007fceries")]
    public void An_empty_name_or_one_with_control_characters_is_refused_naming_name(string? name) =>
        AssertBadField("name", () => BucketRules.Name(name));

    [Fact]
    public void A_name_may_have_100_characters_counted_after_normalisation()
    {
        Assert.Equal(100, BucketRules.Name(new string('a', 100)).Length);
        Assert.Equal(100, BucketRules.Name(new string('a', 99) + Decomposed[^2..]).Length);
        AssertBadField("name", () => BucketRules.Name(new string('a', 101)));
    }

    [Fact]
    public void Notes_keep_line_breaks_and_tabs_are_normalised_and_refuse_other_control_characters()
    {
        Assert.Equal("one\r\ntwo\tthree " + Composed, BucketRules.Notes("one\r\ntwo\tthree " + Decomposed));
        Assert.Null(BucketRules.Notes(null));
        AssertBadField("notes", () => BucketRules.Notes("bell\u0007"));
    }

    [Fact]
    public void Notes_may_have_2000_characters()
    {
        Assert.Equal(2000, BucketRules.Notes(new string('n', 2000))!.Length);
        AssertBadField("notes", () => BucketRules.Notes(new string('n', 2001)));
    }

    public static TheoryData<long, bool> Amounts => new()
    {
        { 0, true },
        { 1, true },
        { Money.MaxAmountMinorUnits, true },
        { Money.MaxAmountMinorUnits + 1, false },
        { long.MaxValue, false },
        { -1, false },
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public void A_monthly_limit_is_between_zero_and_the_ceiling(long minor, bool allowed)
    {
        if (allowed)
        {
            Assert.Equal(new Money(minor), BucketRules.MonthlyLimit(new Money(minor)));
        }
        else
        {
            AssertBadField("monthly_limit", () => BucketRules.MonthlyLimit(new Money(minor)));
        }
    }

    [Theory]
    [MemberData(nameof(Amounts))]
    public void An_allocation_is_between_zero_and_the_ceiling(long minor, bool allowed)
    {
        if (allowed)
        {
            Assert.Equal(new Money(minor), BucketRules.Allocation(new Money(minor)));
        }
        else
        {
            AssertBadField("amount", () => BucketRules.Allocation(new Money(minor)));
        }
    }

    [Theory]
    [InlineData("essentials")]
    [InlineData("variable")]
    [InlineData("sinking")]
    [InlineData("fun")]
    [InlineData("savings")]
    [InlineData("other")]
    public void Every_bucket_type_is_accepted(string type) => Assert.Equal(type, BucketRules.BucketType(type));

    [Theory]
    [InlineData(null)]
    [InlineData("Fun")]
    [InlineData("luxury")]
    public void Other_bucket_types_are_refused_listing_the_allowed_ones(string? type) =>
        Assert.EndsWith("must be one of essentials, variable, sinking, fun, savings, other.", AssertBadField("bucket_type", () => BucketRules.BucketType(type)).Message);

    [Theory]
    [InlineData("A", true)]
    [InlineData("D", true)]
    [InlineData("E", false)]
    [InlineData("a", false)]
    [InlineData(null, false)]
    public void Priorities_are_A_to_D(string? priority, bool allowed)
    {
        if (allowed)
        {
            Assert.Equal(priority, Priority.Parse(priority).Code);
        }
        else
        {
            AssertBadField("priority", () => Priority.Parse(priority).Code);
        }
    }

    [Theory]
    [InlineData("active", true)]
    [InlineData("archived", true)]
    [InlineData("deleted", false)]
    [InlineData(null, false)]
    public void Statuses_are_active_or_archived_and_name_the_field_asked_for(string? status, bool allowed)
    {
        if (allowed)
        {
            Assert.Equal(status, BucketRules.Status(status, "state"));
        }
        else
        {
            AssertBadField("state", () => BucketRules.Status(status, "state"));
            AssertBadField("status", () => BucketRules.Status(status));
        }
    }

    [Theory]
    [InlineData("0001-01", true)]
    [InlineData("9999-12", true)]
    [InlineData("0000-12", false)]
    [InlineData("2026-00", false)]
    [InlineData(null, false)]
    public void Months_run_from_0001_01_to_9999_12_and_name_the_field_asked_for(string? text, bool allowed)
    {
        if (allowed)
        {
            Assert.Equal(text, BucketRules.Month(text, "from").ToString());
        }
        else
        {
            var problem = AssertBadField("from", () => BucketRules.Month(text, "from"));
            Assert.Contains($"'{text}'", problem.Message);
        }
    }

    private static PackProblemException AssertBadField(string field, Func<object?> rule)
    {
        var problem = Assert.Throws<PackProblemException>(rule);
        Assert.Equal((400, field), (problem.Status, problem.Field));
        Assert.StartsWith($"{field}: ", problem.Message);
        Assert.True(problem.Message.Length > field.Length + 4, problem.Message);
        return problem;
    }
}
