using Microsoft.AspNetCore.Http;
using Valhalla.Contracts;
using Valhalla.Contracts.Budget;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>What the quick-add form sent (kept to show it again beside a refusal), and the refusals.</summary>
public sealed record LedgerForm(
    string TxType, string Amount, string? BucketId, string? Description, string Date, string Priority, string? IdempotencyKey)
{
    public static LedgerForm Empty { get; } = new(TxValues.Expense, "", null, null, "", "B", null);

    /// <summary>Why the quick-add was refused, if it was.</summary>
    public PackProblemException? Error { get; init; }

    /// <summary>Which transaction could not be voided, and why.</summary>
    public (string TxId, string Message)? VoidError { get; init; }

    public static LedgerForm From(IFormCollection form) => new(
        form["tx_type"].ToString() is { Length: > 0 } type ? type : TxValues.Expense,
        form["amount"].ToString(), form["bucket_id"], form["description"], form["date"].ToString(),
        form["priority"].ToString() is { Length: > 0 } priority ? priority : "B",
        form["idempotency_key"]);

    /// <summary>The refusal to show beside <paramref name="field"/>: a field's own, and gating (which is about priority) beside priority.</summary>
    public string? ErrorFor(string field) =>
        Error is null ? null
        : Error.Field == field ? Error.Message
        : Error.Field is null && field == "priority" ? Error.Message
        : Error.Field is not null && field == "amount" && !OtherFormFields.Contains(Error.Field) ? Error.Message
        : null;

    // The form's fields besides amount: each shows its own refusal; a refusal on a field the form lacks (links, the key…) shows beside amount.
    private static readonly string[] OtherFormFields = ["tx_type", "bucket_id", "description", "date", "priority"];
}

/// <summary>The list's filters as the query string gave them.</summary>
public sealed record LedgerFilters(string? TxType, string? Status, string? BucketId, string? Month, int Offset);

/// <summary>Everything the ledger page shows.</summary>
public sealed record LedgerView(
    HttpContext Context, LedgerForm Form, LedgerFilters Filters, TransactionPage? Page, string? FilterError,
    IReadOnlyList<BucketInfo> Buckets, DateOnly Today, string? Added, string? Voided);
