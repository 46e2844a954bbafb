using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Valhalla.Contracts;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Services;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>
/// The ledger's page for people: quick-add, the list with the API's filters and paging, void with a
/// reason. Forms post to these routes and come back to the page (303); a refusal re-renders the page
/// with the message beside the field it is about. Reads and writes go through <see cref="TransactionService"/>.
/// </summary>
public static class LedgerPage
{
    public const string Path = "/pages/ledger";
    public const string FullPath = "/core/transactions" + Path;
    public const int PageSize = 25;

    public static IEndpointRouteBuilder MapLedgerPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, Show).ExcludeFromDescription();
        routes.MapPost(Path + "/add", Add).ExcludeFromDescription().AcceptsForm();
        routes.MapPost(Path + "/{tx_id}/void", Void).ExcludeFromDescription().AcceptsForm();
        return routes;
    }

    private static Task<IResult> Show(HttpContext context, TransactionService ledger, IPackServices packs, TimeProvider time, CancellationToken ct) =>
        RenderAsync(context, ledger, packs, time, LedgerForm.Empty, StatusCodes.Status200OK, ct);

    private static async Task<IResult> Add(HttpContext context, TransactionService ledger, IPackServices packs, TimeProvider time, CancellationToken ct)
    {
        var form = LedgerForm.From(await context.Request.ReadFormAsync(ct));
        try
        {
            var posted = await ledger.PostAsync(
                new PostTransaction(form.TxType, FormValues.Money(form.Amount, "amount"), form.Date, FormValues.Optional(form.Description),
                    FormValues.Optional(form.BucketId), form.Priority),
                FormValues.Optional(form.IdempotencyKey), ct);
            return PageResults.SeeOther($"{FullPath}?added={Uri.EscapeDataString(posted.Transaction.Id)}");
        }
        catch (PackProblemException problem)
        {
            return await RenderAsync(context, ledger, packs, time, form with { Error = problem }, problem.Status, ct);
        }
    }

    private static async Task<IResult> Void(
        HttpContext context, TransactionService ledger, IPackServices packs, TimeProvider time, [FromRoute(Name = "tx_id")] string txId, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        try
        {
            await ledger.VoidAsync(txId, new VoidTransaction(FormValues.Optional(form["reason"])), ct);
            return PageResults.SeeOther($"{FullPath}?voided={Uri.EscapeDataString(txId)}");
        }
        catch (PackProblemException problem)
        {
            return await RenderAsync(context, ledger, packs, time, LedgerForm.Empty with { VoidError = (txId, problem.Message) }, problem.Status, ct);
        }
    }

    private static async Task<IResult> RenderAsync(
        HttpContext context, TransactionService ledger, IPackServices packs, TimeProvider time, LedgerForm form, int status, CancellationToken ct)
    {
        var query = context.Request.Query;
        var filters = new LedgerFilters(
            FormValues.Optional(query["tx_type"]), FormValues.Optional(query["status"]), FormValues.Optional(query["bucket_id"]),
            FormValues.Optional(query["month"]), int.TryParse(query["offset"], out var offset) ? offset : 0);
        var buckets = packs.Find<IBucketDirectory>() is { } directory ? await directory.ListActiveAsync(ct) : [];
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        TransactionPage? page = null;
        string? filterError = null;
        try
        {
            var asked = new TransactionQuery
            {
                TxType = filters.TxType,
                Status = filters.Status,
                BucketId = filters.BucketId,
                Month = filters.Month,
                Limit = PageSize,
                Offset = filters.Offset,
            };
            page = await ledger.ListAsync(TransactionsApi.Filter(asked), ct);
        }
        catch (PackProblemException problem)
        {
            filterError = problem.Message;
            status = StatusCodes.Status400BadRequest;
        }

        var view = new LedgerView(context, form, filters, page, filterError, buckets, today,
            FormValues.Optional(query["added"]), FormValues.Optional(query["voided"]));
        return PageResults.Page(context, "Transactions", LedgerPageHtml.Render(view), status);
    }
}
