using Valhalla.Contracts;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions.Tests;

/// <summary>The field rules of a transaction as tables: each boundary on both sides, each failure naming its field.</summary>
public sealed class TransactionRulesTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(Money.MaxAmountMinorUnits, true)]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(Money.MaxAmountMinorUnits + 1, false)]
    [InlineData(long.MaxValue, false)]
    public void An_amount_is_more_than_zero_and_at_most_the_ceiling(long minor, bool allowed)
    {
        if (allowed)
        {
            Assert.Equal(new Money(minor), TransactionRules.Amount(new Money(minor)));
        }
        else
        {
            AssertBadField("amount", () => TransactionRules.Amount(new Money(minor)));
        }
    }

    [Theory]
    [InlineData("income", true)]
    [InlineData("expense", true)]
    [InlineData("transfer", false)]
    [InlineData("Income", false)]
    [InlineData(null, false)]
    public void Types_are_income_or_expense(string? type, bool allowed)
    {
        if (allowed)
        {
            Assert.Equal(type, TransactionRules.TxType(type));
        }
        else
        {
            AssertBadField("tx_type", () => TransactionRules.TxType(type));
            AssertBadField("kind", () => TransactionRules.TxType(type, "kind"));
        }
    }

    [Theory]
    [InlineData("2026-02-28", true)]
    [InlineData("0001-01-01", true)]
    [InlineData("9999-12-31", true)]
    [InlineData("2026-02-30", false)]
    [InlineData("2026-2-3", false)]
    [InlineData("2026-02-03T00:00", false)]
    [InlineData(null, false)]
    public void Dates_are_real_and_written_YYYY_MM_DD(string? text, bool allowed)
    {
        if (allowed)
        {
            Assert.Equal(text, TransactionRules.Date(text).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            Assert.Contains($"'{text}'", AssertBadField("date", () => TransactionRules.Date(text)).Message);
        }
    }

    [Theory]
    [InlineData("A", true)]
    [InlineData("D", true)]
    [InlineData("E", false)]
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
    [InlineData("posted", true)]
    [InlineData("void", true)]
    [InlineData("deleted", false)]
    [InlineData(null, false)]
    public void Statuses_are_posted_or_void(string? status, bool allowed)
    {
        if (allowed)
        {
            Assert.Equal(status, TransactionRules.Status(status));
        }
        else
        {
            AssertBadField("status", () => TransactionRules.Status(status));
        }
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("bk_0123456789ab", true)]
    [InlineData("bk_0123456789AB", false)]
    [InlineData("tx_0123456789ab", false)]
    [InlineData("groceries", false)]
    public void A_bucket_id_is_optional_and_well_formed(string? id, bool allowed)
    {
        if (allowed)
        {
            Assert.Equal(id, TransactionRules.BucketId(id));
        }
        else
        {
            Assert.Contains($"'{id}'", AssertBadField("bucket_id", () => TransactionRules.BucketId(id)).Message);
        }
    }

    [Theory]
    [InlineData("0001-01", true)]
    [InlineData("9999-12", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-1", false)]
    public void Months_run_from_0001_01_to_9999_12(string text, bool allowed)
    {
        if (allowed)
        {
            Assert.Equal(text, TransactionRules.Month(text).ToString());
        }
        else
        {
            Assert.Contains($"'{text}'", AssertBadField("month", () => TransactionRules.Month(text)).Message);
        }
    }

    [Theory]
    [InlineData(null, 50)]
    [InlineData(1, 1)]
    [InlineData(500, 500)]
    [InlineData(0, null)]
    [InlineData(501, null)]
    [InlineData(-1, null)]
    public void A_page_holds_1_to_500_and_50_by_default(int? limit, int? expected)
    {
        if (expected is { } size)
        {
            Assert.Equal(size, TransactionRules.Limit(limit));
        }
        else
        {
            AssertBadField("limit", () => TransactionRules.Limit(limit));
        }
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData(0, 0)]
    [InlineData(7, 7)]
    [InlineData(-1, null)]
    public void An_offset_is_not_negative_and_0_by_default(int? offset, int? expected)
    {
        if (expected is { } start)
        {
            Assert.Equal(start, TransactionRules.Offset(offset));
        }
        else
        {
            AssertBadField("offset", () => TransactionRules.Offset(offset));
        }
    }

    [Fact]
    public void A_description_or_reason_has_at_most_500_characters_counted_after_NFC()
    {
        Assert.Null(TransactionRules.Description(null));
        Assert.Null(TransactionRules.Reason(null));
        Assert.Equal(500, TransactionRules.Description(new string('d', 499) + "e\u0301")!.Length);
        Assert.Equal(500, TransactionRules.Reason(new string('r', 500))!.Length);
        AssertBadField("description", () => TransactionRules.Description(new string('d', 501)));
        AssertBadField("reason", () => TransactionRules.Reason(new string('r', 501)));
    }

    [Fact]
    public void A_description_keeps_line_breaks_and_tabs_and_refuses_other_control_characters()
    {
        Assert.Equal("caf\u00e9\r\n\tbill", TransactionRules.Description("cafe\u0301\r\n\tbill"));
        Assert.Contains("U+0000", AssertBadField("description", () => TransactionRules.Description("nul\u0000")).Message);
        AssertBadField("reason", () => TransactionRules.Reason("esc\u001b"));
        AssertBadField("description", () => TransactionRules.Description("lone \ud800 surrogate"));
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
