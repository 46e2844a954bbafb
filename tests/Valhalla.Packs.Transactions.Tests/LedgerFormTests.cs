using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Valhalla.Contracts;

namespace Valhalla.Packs.Transactions.Tests;

/// <summary>The quick-add form read back, and which field each refusal is shown beside.</summary>
public sealed class LedgerFormTests
{
    [Fact]
    public void An_empty_form_is_an_expense_of_priority_b()
    {
        var form = LedgerForm.From(new FormCollection([]));

        Assert.Equal(LedgerForm.Empty, form);
        Assert.Equal(("expense", "", null, null, "", "B", null), (form.TxType, form.Amount, form.BucketId, form.Description, form.Date, form.Priority, form.IdempotencyKey));
    }

    [Fact]
    public void Every_field_sent_is_kept()
    {
        var form = LedgerForm.From(new FormCollection(new Dictionary<string, StringValues>
        {
            ["tx_type"] = "income",
            ["amount"] = "12.50",
            ["bucket_id"] = "bk_0123456789ab",
            ["description"] = "Refund",
            ["date"] = "2026-01-15",
            ["priority"] = "D",
            ["idempotency_key"] = "k-1",
        }));

        Assert.Equal(new LedgerForm("income", "12.50", "bk_0123456789ab", "Refund", "2026-01-15", "D", "k-1"), form);
    }

    [Theory]
    [InlineData("amount", "amount", true)]
    [InlineData("amount", "date", false)]
    [InlineData("date", "date", true)]
    [InlineData(null, "priority", true)]
    [InlineData(null, "amount", false)]
    [InlineData("links", "amount", true)]
    [InlineData("links", "priority", false)]
    [InlineData("bucket_id", "amount", false)]
    [InlineData("priority", "amount", false)]
    [InlineData("tx_type", "amount", false)]
    [InlineData("description", "amount", false)]
    [InlineData("date", "amount", false)]
    [InlineData("idempotency_key", "amount", true)]
    public void A_refusal_is_shown_beside_its_field_gating_beside_priority_and_the_rest_beside_amount(string? errorField, string field, bool shown)
    {
        var error = errorField is null
            ? new PackProblemException(409, "Gated.", "the obligations are not covered")
            : PackProblemException.BadField(errorField, "is wrong.");
        var form = LedgerForm.Empty with { Error = error };

        Assert.Equal(shown ? error.Message : null, form.ErrorFor(field));
    }

    [Fact]
    public void Without_a_refusal_no_field_shows_one() =>
        Assert.All(new[] { "amount", "priority", "date" }, f => Assert.Null(LedgerForm.Empty.ErrorFor(f)));
}
