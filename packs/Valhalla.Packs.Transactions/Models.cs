using Microsoft.AspNetCore.Mvc;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Transactions;

/// <summary>A transaction, on the wire and in the store.</summary>
public sealed record Transaction
{
    public required string Id { get; init; }

    public required string TxType { get; init; }

    public required Money Amount { get; init; }

    public required DateOnly Date { get; init; }

    public string? Description { get; init; }

    public string? BucketId { get; init; }

    public required string Priority { get; init; }

    public TxLinks? Links { get; init; }

    public required string Status { get; init; }

    public string? VoidReason { get; init; }

    public DateTimeOffset? VoidedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>Optional references from a transaction to things other packs keep.</summary>
public sealed record TxLinks(string? ObligationId = null, string? FlowId = null, string? ReplacementId = null, string? DealId = null);

/// <summary>
/// <c>POST /core/transactions</c>. The date is text so that an impossible date (2026-02-30) is a 400
/// naming <c>date</c> rather than a generic binding failure.
/// </summary>
public sealed record PostTransaction(
    string TxType, Money Amount, string Date, string? Description = null, string? BucketId = null, string? Priority = null, TxLinks? Links = null);

/// <summary><c>POST /core/transactions/{tx_id}/void</c>; the body is optional.</summary>
public sealed record VoidTransaction(string? Reason = null);

/// <summary>A page of transactions, newest first, with the total matching the filters.</summary>
public sealed record TransactionPage(IReadOnlyList<Transaction> Items, int Total, int Limit, int Offset);

/// <summary>The query string of <c>GET /core/transactions</c> as sent, bound with <c>[AsParameters]</c>; the Api parses it into a <see cref="TransactionFilter"/>.</summary>
public sealed record TransactionQuery
{
    [FromQuery(Name = "tx_type")]
    public string? TxType { get; init; }

    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "bucket_id")]
    public string? BucketId { get; init; }

    [FromQuery(Name = "month")]
    public string? Month { get; init; }

    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    [FromQuery(Name = "offset")]
    public int? Offset { get; init; }
}

/// <summary>A parsed <see cref="TransactionQuery"/>: what the service and store filter by.</summary>
public sealed record TransactionFilter(string? TxType, string? Status, string? BucketId, Month? Month, int Limit, int Offset);

/// <summary>A posted transaction, and whether it is a replay of an earlier request with the same Idempotency-Key.</summary>
public sealed record Posted(Transaction Transaction, bool Replayed);

/// <summary>The wire values of transaction fields.</summary>
public static class TxValues
{
    public const string Income = "income";
    public const string Expense = "expense";
    public const string PostedStatus = "posted";
    public const string VoidStatus = "void";

    public static readonly IReadOnlyList<string> Types = [Income, Expense];
    public static readonly IReadOnlyList<string> Statuses = [PostedStatus, VoidStatus];
}
