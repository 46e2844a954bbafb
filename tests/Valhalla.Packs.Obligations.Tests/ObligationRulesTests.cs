using Valhalla.Contracts;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Obligations.Tests;

/// <summary>The obligation's field rules at their boundaries: each refusal names its field and says why.</summary>
public sealed class ObligationRulesTests
{
    private static readonly Money Cent = Money.FromDecimal(0.01m);

    [Fact]
    public void A_name_is_trimmed_and_kept_up_to_100_characters()
    {
        Assert.Equal("Rent", ObligationRules.Name("  Rent "));
        Assert.Equal(new string('x', 100), ObligationRules.Name(new string('x', 100)));
    }

    [Theory]
    [InlineData(null, "name: must not be empty.")]
    [InlineData("   ", "name: must not be empty.")]
    [InlineData("101", "name: must be at most 100 characters.")]
    public void An_empty_or_too_long_name_is_refused(string? name, string message)
    {
        var problem = Assert.Throws<PackProblemException>(() => ObligationRules.Name(name == "101" ? new string('x', 101) : name));

        Assert.Equal(("name", message), (problem.Field, problem.Message));
    }

    [Fact]
    public void A_fixed_amount_of_one_cent_is_its_own_range_and_an_equal_range_is_kept()
    {
        Assert.Equal((Cent, Cent), ObligationRules.Amounts(Cent, null, null));
        Assert.Equal((Cent, Cent), ObligationRules.Amounts(null, Cent, Cent));
    }

    [Theory]
    [InlineData(1, 1, null, "amount", "amount: give either amount, or amount_min and amount_max, not both.")]
    [InlineData(1, null, 1, "amount", "amount: give either amount, or amount_min and amount_max, not both.")]
    [InlineData(0, null, null, "amount", "amount: must be greater than 0.")]
    [InlineData(null, null, 1, "amount_min", "amount_min: is required: give amount, or amount_min and amount_max.")]
    [InlineData(null, 1, null, "amount_max", "amount_max: is required: give amount, or amount_min and amount_max.")]
    [InlineData(null, 0, 1, "amount_min", "amount_min: must be greater than 0.")]
    [InlineData(null, 2, 1, "amount_max", "amount_max: must not be less than amount_min (0.02).")]
    public void Amounts_need_exactly_one_fixed_amount_or_a_positive_range(int? amount, int? min, int? max, string field, string message)
    {
        var problem = Assert.Throws<PackProblemException>(() => ObligationRules.Amounts(Cents(amount), Cents(min), Cents(max)));

        Assert.Equal((field, message), (problem.Field, problem.Message));
    }

    [Fact]
    public void A_bucket_id_is_optional_and_must_be_bk_with_12_hex_digits()
    {
        Assert.Null(ObligationRules.BucketId(null));
        Assert.Equal("bk_0123456789ab", ObligationRules.BucketId("bk_0123456789ab"));

        var problem = Assert.Throws<PackProblemException>(() => ObligationRules.BucketId("ob_0123456789ab"));

        Assert.Equal(("bucket_id", "bucket_id: 'ob_0123456789ab' is not a bucket id (bk_ followed by 12 hex digits)."), (problem.Field, problem.Message));
    }

    [Theory]
    [InlineData(null, ObligationValues.DefaultGraceDays)]
    [InlineData(0, 0)]
    [InlineData(ObligationRules.MaxGraceDays, ObligationRules.MaxGraceDays)]
    public void Grace_days_default_to_3_and_run_from_0_to_60(int? days, int kept)
    {
        Assert.Equal(kept, ObligationRules.GraceDays(days));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(ObligationRules.MaxGraceDays + 1)]
    public void Grace_days_outside_0_to_60_are_refused(int days)
    {
        var problem = Assert.Throws<PackProblemException>(() => ObligationRules.GraceDays(days));

        Assert.Equal(("grace_days", "grace_days: must be between 0 and 60."), (problem.Field, problem.Message));
    }

    [Theory]
    [InlineData("active")]
    [InlineData("archived")]
    public void Active_and_archived_are_the_statuses(string status)
    {
        Assert.Equal(status, ObligationRules.Status(status));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("paused")]
    public void Any_other_status_is_refused(string? status)
    {
        var problem = Assert.Throws<PackProblemException>(() => ObligationRules.Status(status));

        Assert.Equal(("status", "status: must be active or archived."), (problem.Field, problem.Message));
    }

    [Fact]
    public void Notes_are_optional_and_kept_up_to_2000_characters()
    {
        Assert.Null(ObligationRules.Notes(null));
        Assert.Equal(new string('x', 2000), ObligationRules.Notes(new string('x', 2000)));

        var problem = Assert.Throws<PackProblemException>(() => ObligationRules.Notes(new string('x', 2001)));

        Assert.Equal(("notes", "notes: must be at most 2000 characters."), (problem.Field, problem.Message));
    }

    [Fact]
    public void A_month_is_yyyy_mm_and_anything_else_is_refused_naming_the_field()
    {
        Assert.Equal(Month.Parse("2026-02"), ObligationRules.Month("2026-02", "from"));

        var problem = Assert.Throws<PackProblemException>(() => ObligationRules.Month("2026-13", "to"));

        Assert.Equal(("to", "to: '2026-13' is not a month: expected YYYY-MM, e.g. 2026-01."), (problem.Field, problem.Message));
    }

    private static Money? Cents(int? cents) => cents is { } c ? Money.FromDecimal(c / 100m) : null;
}
