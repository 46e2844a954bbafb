using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Valhalla.Contracts;
using Valhalla.Contracts.Access;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>Routes for importing CSV into <c>/core/transactions</c> (the export is <c>GET /core/transactions</c> with Accept: text/csv).</summary>
public static class TransactionsCsvApi
{
    /// <summary>The largest CSV body an import takes (16 MiB, about 200,000 bank rows); the host's general limit is smaller.</summary>
    public const long MaxImportBytes = 16 * 1024 * 1024;

    public static IEndpointRouteBuilder MapTransactionsCsvApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/import", Import).WithName("ImportTransactions")
            .WithSummary("Imports a CSV file (text/csv, UTF-8): columns mapped by *_column, dry_run previews, duplicates skipped by import id.")
            .Accepts<string>("text/csv")
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes))
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return routes;
    }

    private static async Task<Ok<ImportResult>> Import(TransactionImporter importer, [AsParameters] ImportQuery query, HttpContext http, CancellationToken ct)
    {
        var options = ImportOptions.From(query);
        using var text = new StreamReader(http.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        return TypedResults.Ok(await importer.ImportAsync(text, options, http.GetCaller(), ct));
    }
}
