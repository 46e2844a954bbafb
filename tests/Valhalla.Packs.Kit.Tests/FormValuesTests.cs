using Valhalla.Contracts;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Kit.Tests;

/// <summary>What people type into forms: money with at most two decimals, optional text trimmed.</summary>
public sealed class FormValuesTests
{
    [Theory]
    [InlineData("12.50", 1250)]
    [InlineData("12,50", 1250)]
    [InlineData("  7  ", 700)]
    [InlineData("-3.5", -350)]
    [InlineData("+1", 100)]
    [InlineData("0", 0)]
    [InlineData("12.", 1200)]
    [InlineData(".05", 5)]
    [InlineData("999999999.99", 99_999_999_999)]
    public void An_amount_is_read_in_minor_units(string text, long minorUnits) =>
        Assert.Equal(new Money(minorUnits), FormValues.Money(text, "amount"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_amount_asks_for_one(string? text)
    {
        var problem = Assert.Throws<PackProblemException>(() => FormValues.Money(text, "limit"));

        Assert.Equal(400, problem.Status);
        Assert.Equal("limit", problem.Field);
        Assert.Equal("limit: enter an amount, e.g. 12.50.", problem.Message);
    }

    [Theory]
    [InlineData("12.345")]
    [InlineData("1,000.00")]
    [InlineData("1e3")]
    [InlineData("(5)")]
    [InlineData("5-")]
    [InlineData("12 50")]
    [InlineData("abc")]
    [InlineData(" 0.001 ")]
    [InlineData("99999999999999999999")]
    public void Text_that_is_not_an_amount_with_two_decimals_is_refused_quoting_it(string text)
    {
        var problem = Assert.Throws<PackProblemException>(() => FormValues.Money(text, "amount"));

        Assert.Equal(400, problem.Status);
        Assert.Equal("amount", problem.Field);
        Assert.Equal($"amount: '{text}' is not an amount with at most two decimals, e.g. 12.50.", problem.Message);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData(" \t ", null)]
    [InlineData(" note ", "note")]
    [InlineData("a b", "a b")]
    public void Optional_text_is_trimmed_and_empty_is_null(string? text, string? expected) =>
        Assert.Equal(expected, FormValues.Optional(text));
}
