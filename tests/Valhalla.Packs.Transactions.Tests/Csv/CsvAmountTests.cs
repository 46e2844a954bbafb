using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Transactions.Tests.Csv;

/// <summary>Amount cells are read exactly into minor units, or refused; never rounded, never through a float.</summary>
public sealed class CsvAmountTests
{
    [Theory]
    [InlineData("12.50", 1250)]
    [InlineData("-12.5", -1250)]
    [InlineData("+7", 700)]
    [InlineData(" 0.01 ", 1)]
    [InlineData(".99", 99)]
    [InlineData("999999999.99", 99_999_999_999)]
    [InlineData("0.1", 10)]
    public void Decimal_text_is_read_exactly(string text, long minorUnits)
    {
        Assert.True(CsvAmount.TryParse(text, '.', out var amount));
        Assert.Equal(new Money(minorUnits), amount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("12.345")]
    [InlineData("1,234.50")]
    [InlineData("1e3")]
    [InlineData("12.")]
    [InlineData("€12")]
    [InlineData("12 50")]
    [InlineData("--1")]
    [InlineData("1234567890123456")]
    public void Anything_else_is_refused(string text) => Assert.False(CsvAmount.TryParse(text, '.', out _));

    [Fact]
    public void A_decimal_comma_is_read_when_chosen()
    {
        Assert.True(CsvAmount.TryParse("-1234,56", ',', out var amount));
        Assert.Equal(new Money(-123456), amount);
        Assert.False(CsvAmount.TryParse("1234.56", ',', out _));
    }
}
