using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Valhalla.Contracts;

namespace Valhalla.Packs.Transactions;

/// <summary>Routes for <c>/core/transactions</c>.</summary>
public static class TransactionsApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static IEndpointRouteBuilder MapTransactionsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("").ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("", PostTransaction).WithName("PostTransaction")
            .WithSummary("Posts income or an expense; an Idempotency-Key header makes retries safe.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("", ListTransactions).WithName("ListTransactions")
            .WithSummary("Newest first; filters tx_type, status, bucket_id, month; paging with limit and offset. Accept: text/csv (or format=csv) streams every match as CSV.");
        api.MapGet("/{tx_id}", GetTransaction).WithName("GetTransaction").WithSummary("One transaction.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{tx_id}/void", VoidTransaction).WithName("VoidTransaction")
            .WithSummary("Marks a transaction void, with an optional reason; the budget's spent follows at once.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Results<Created<Transaction>, Ok<Transaction>>> PostTransaction(
        TransactionService ledger, PostTransaction input, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        HttpResponse response, CancellationToken ct)
    {
        if (idempotencyKey is { Length: 0 or > 200 })
        {
            throw PackProblemException.BadField(IdempotencyKeyHeader, "must be 1 to 200 characters.");
        }

        var posted = await ledger.PostAsync(input, idempotencyKey, ct);
        if (posted.Replayed)
        {
            response.Headers[ReplayedHeader] = "true";
            return TypedResults.Ok(posted.Transaction);
        }

        return TypedResults.Created($"/core/transactions/{posted.Transaction.Id}", posted.Transaction);
    }

    /// <summary>The wire query parsed into what the ledger filters by; each bad value is a 400 naming its field.</summary>
    public static TransactionFilter Filter(TransactionQuery query) => new(
        query.TxType is null ? null : TransactionRules.TxType(query.TxType),
        query.Status is null ? null : TransactionRules.Status(query.Status),
        TransactionRules.BucketId(query.BucketId),
        query.Month is null ? null : TransactionRules.Month(query.Month),
        TransactionRules.Limit(query.Limit),
        TransactionRules.Offset(query.Offset));

    // The same filters answer a page of JSON or, asked for CSV, every matching row streamed.
    private static async Task<Results<Ok<TransactionPage>, CsvExportResult>> ListTransactions(
        TransactionService ledger, [AsParameters] TransactionQuery query, string? format, HttpRequest request, CancellationToken ct)
    {
        if (CsvExportResult.Wanted(request, format))
        {
            return CsvExportResult.For(query);
        }

        return TypedResults.Ok(await ledger.ListAsync(Filter(query), ct));
    }

    private static async Task<Ok<Transaction>> GetTransaction(TransactionService ledger, [FromRoute(Name = "tx_id")] string txId, CancellationToken ct) =>
        TypedResults.Ok(await ledger.GetAsync(txId, ct));

    private static async Task<Ok<Transaction>> VoidTransaction(
        TransactionService ledger, [FromRoute(Name = "tx_id")] string txId, VoidTransaction? input, CancellationToken ct) =>
        TypedResults.Ok(await ledger.VoidAsync(txId, input, ct));
}
