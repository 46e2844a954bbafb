using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>The answer of <c>GET /core/transactions</c> asked for CSV: every matching row (no page), streamed.</summary>
public sealed class CsvExportResult(TransactionFilter filter) : IResult, IEndpointMetadataProvider
{
    /// <summary>The rows to export.</summary>
    public TransactionFilter Filter { get; } = filter;

    /// <summary>The export of the rows the list filters match, checked as the list checks them; limit and offset do not apply.</summary>
    public static CsvExportResult For(TransactionQuery query) =>
        new(TransactionsApi.Filter(query with { Limit = null, Offset = null }) with { Limit = 0, Offset = 0 });

    /// <summary>True when the request asks for CSV: <c>format=csv</c>, or (without format) an Accept header naming text/csv.</summary>
    public static bool Wanted(HttpRequest request, string? format) => format?.ToLowerInvariant() switch
    {
        null => request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)),
        "csv" => true,
        "json" => false,
        _ => throw PackProblemException.BadField("format", "must be csv or json."),
    };

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = TransactionExport.ContentType;
        httpContext.Response.Headers.ContentDisposition = "attachment; filename=\"transactions.csv\"";
        return httpContext.RequestServices.GetRequiredService<TransactionExport>().WriteAsync(Filter, httpContext.Response.Body, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/csv"]));
}
