using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Transactions.Tests.Csv;

/// <summary>When a list is answered as CSV, which rows the export holds, and how.</summary>
public sealed class CsvExportTests : IAsyncLifetime
{
    private readonly ImportFixture _f = new();

    public Task InitializeAsync() => _f.InitializeAsync();

    public Task DisposeAsync() => _f.DisposeAsync();

    [Theory]
    [InlineData(null, null, false)]
    [InlineData(null, "application/json", false)]
    [InlineData(null, "text/CSV", true)]
    [InlineData(null, "application/json, text/csv;q=0.5", true)]
    [InlineData("csv", "application/json", true)]
    [InlineData("CSV", null, true)]
    [InlineData("json", "text/csv", false)]
    public void Csv_is_wanted_by_format_or_else_by_accept(string? format, string? accept, bool wanted)
    {
        var request = new DefaultHttpContext().Request;
        if (accept is not null)
        {
            request.Headers.Accept = accept;
        }

        Assert.Equal(wanted, CsvExportResult.Wanted(request, format));
    }

    [Fact]
    public void Another_format_is_refused_naming_it() =>
        Assert.Equal("format: must be csv or json.", Assert.Throws<PackProblemException>(() => CsvExportResult.Wanted(new DefaultHttpContext().Request, "xml")).Message);

    [Fact]
    public void The_export_keeps_the_lists_filters_and_drops_its_page()
    {
        var filter = CsvExportResult.For(new TransactionQuery { TxType = "expense", Status = "posted", BucketId = "bk_0123456789ab", Month = "2026-01", Limit = 5, Offset = 10 }).Filter;

        Assert.Equal(new TransactionFilter("expense", "posted", "bk_0123456789ab", Month.Of(2026, 1), 0, 0), filter);
        Assert.Equal("month", Assert.Throws<PackProblemException>(() => CsvExportResult.For(new TransactionQuery { Month = "2026-13" })).Field);
    }

    [Fact]
    public async Task The_answer_is_an_attachment_of_the_filtered_rows_oldest_first()
    {
        await _f.Ledger.PostAsync(LedgerFixture.Expense(3m, "2026-01-20", bucket: "bk_0123456789ab"));
        await _f.Ledger.PostAsync(LedgerFixture.Expense(1m, "2026-01-05", bucket: "bk_0123456789ab"));
        await _f.Ledger.PostAsync(LedgerFixture.Expense(2m, "2026-01-10"));
        await _f.Ledger.PostAsync(LedgerFixture.Expense(4m, "2026-02-01", bucket: "bk_0123456789ab"));
        var services = new ServiceCollection().AddSingleton(_f.Export).BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;

        await CsvExportResult.For(new TransactionQuery { BucketId = "bk_0123456789ab", Month = "2026-01" }).ExecuteAsync(context);

        Assert.Equal("text/csv; charset=utf-8", context.Response.ContentType);
        Assert.Equal("attachment; filename=\"transactions.csv\"", context.Response.Headers.ContentDisposition.ToString());
        var lines = Encoding.UTF8.GetString(body.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["2026-01-05,expense,1.00", "2026-01-20,expense,3.00"], lines.Skip(1).Select(l => string.Join(',', l.Split(',')[1..4])));
    }

    [Fact]
    public async Task The_body_is_utf8_without_a_byte_order_mark_every_byte_written_and_left_open()
    {
        var posted = await _f.Ledger.PostAsync(LedgerFixture.Expense(3m, "2026-01-20", description: "Café"));
        using var body = new MemoryStream();

        await _f.Export.WriteAsync(CsvExportResult.For(new TransactionQuery()).Filter, body, default);

        Assert.True(body.CanWrite);
        var id = posted.Transaction.Id;
        Assert.Equal(Encoding.UTF8.GetBytes($"import_id,date,tx_type,amount,description,bucket_id,priority,links,status,id\r\n{id},2026-01-20,expense,3.00,Café,,B,,posted,{id}\r\n"), body.ToArray());
    }

    [Fact]
    public void The_route_is_documented_as_answering_text_csv()
    {
        var builder = new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse("/core/transactions"), 0);

        CsvExportResult.PopulateMetadata(typeof(CsvExportResult).GetMethod(nameof(CsvExportResult.ExecuteAsync))!, builder);

        var produces = Assert.IsType<ProducesResponseTypeMetadata>(Assert.Single(builder.Metadata));
        Assert.Equal((200, typeof(string)), (produces.StatusCode, produces.Type));
        Assert.Equal(["text/csv"], produces.ContentTypes);
    }
}
