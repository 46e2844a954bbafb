using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Transactions;

/// <summary>CSV in and out of the ledger over HTTP: preview, all or nothing, no duplicates, the export's round trip, the body rules.</summary>
public sealed class CsvImportExportTests() : HostTest(BuiltPacks.Budget, BuiltPacks.Transactions)
{
    private const string Mixed = "date,amount,description\r\n" +
        "2026-01-15,-12.50,\"Groceries, weekly\"\r\n" +
        "2026-02-30,-3,Bad date\r\n" +
        "2026-01-16,12.345,Bad amount\r\n" +
        "2026-01-17,-3.20,Coffee\r\n" +
        "2026-01-17,-3.20,Coffee\r\n" +
        "2026-01-31,2500,\"Salary \"\"January\"\"\"\r\n";

    [Fact]
    public async Task A_preview_names_each_bad_line_and_reimporting_the_file_creates_nothing()
    {
        var preview = await ImportOkAsync(Mixed, "?dry_run=true");
        var refused = await ImportAsync(Mixed);
        var imported = await ImportOkAsync(Mixed, "?skip_invalid=true");
        var again = await ImportOkAsync(Mixed, "?skip_invalid=true");

        Assert.Equal([(3, "date"), (4, "amount")], preview["errors"]!.AsArray().Select(e => ((int)e!["line"]!, (string)e["field"]!)));
        Assert.Equal(4, (int)preview["to_create"]!);
        Assert.Equal("Groceries, weekly", (string?)preview["preview"]![0]!["description"]);
        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([3, 4], problem["invalid_rows"]!.AsArray().Select(e => (int)e!["line"]!));
        Assert.Equal((4, 2), ((int)imported["created"]!, (int)imported["invalid"]!));
        Assert.Equal((0, 4), ((int)again["created"]!, (int)again["duplicates"]!));
        Assert.Equal(4, await Client.TotalAsync());
    }

    [Fact]
    public async Task An_export_imported_back_creates_nothing()
    {
        await Client.PostOkAsync(new { tx_type = "expense", amount = 19.99, date = "2026-01-05", description = "By hand, with a comma" });
        await ImportOkAsync(Mixed, "?skip_invalid=true");

        using var request = new HttpRequestMessage(HttpMethod.Get, "core/transactions");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var export = await Client.SendAsync(request);
        var csv = await export.Content.ReadAsStringAsync();
        var again = await ImportOkAsync(csv);

        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal(6, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal((0, 5), ((int)again["created"]!, (int)again["duplicates"]!));
        Assert.Equal(5, await Client.TotalAsync());
    }

    [Fact]
    public async Task Format_csv_exports_every_matching_row_not_a_page()
    {
        var rows = string.Concat(Enumerable.Range(1, 120).Select(i => $"2026-0{1 + (i % 2)}-10,-{i},Row {i}\r\n"));
        await ImportOkAsync("date,amount,description\r\n" + rows);

        var csv = await Client.GetStringAsync("core/transactions?format=csv&month=2026-01&limit=5");

        Assert.Equal(60, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.DoesNotContain("2026-02-10", csv);
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_is_not_part_of_the_first_header()
    {
        var body = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("date,amount\r\n2026-01-15,-1\r\n")]);
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var response = await Client.PostAsync("core/transactions/import", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await Client.TotalAsync());
    }

    [Fact]
    public async Task Imported_rows_go_through_the_bucket_checks()
    {
        var food = await Client.CreateBucketAsync("Food", "essentials", 500);

        var response = await ImportAsync($"date,amount,bucket_id\r\n2026-01-15,-5,{food}\r\n2026-01-15,-6,bk_000000000001\r\n");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal((3, "bucket_id"), ((int)problem["invalid_rows"]![0]!["line"]!, (string)problem["invalid_rows"]![0]!["field"]!));
        Assert.Equal(0, await Client.TotalAsync());
    }

    [Fact]
    public async Task Only_an_admin_key_may_turn_gating_off()
    {
        var phone = Host.ClientWith(await Client.CreateKeyAsync("phone", "write"));

        var response = await phone.PostAsync("core/transactions/import?gating=off", Csv("date,amount\r\n2026-01-15,-1\r\n"));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await Client.TotalAsync());
    }

    [Fact]
    public async Task The_import_takes_csv_only_and_files_larger_than_the_json_limit()
    {
        var json = await Client.PostAsJsonAsync("core/transactions/import", new { date = "2026-01-15" });
        var rows = "date,amount,description\r\n" + string.Concat(Enumerable.Range(1, 20_000).Select(i => $"2026-01-15,-{i}.25,A description that takes some room {i}\r\n"));
        var large = await ImportAsync(rows);
        using var tooLarge = new HttpRequestMessage(HttpMethod.Post, "core/transactions/import") { Content = Csv(new string(' ', 17 * 1024 * 1024)) };
        await tooLarge.Content.LoadIntoBufferAsync(); // sends a Content-Length, as curl does for a file
        tooLarge.Headers.ExpectContinue = true; // the host answers before the body is sent
        var refused = await Client.SendAsync(tooLarge);

        await json.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.True(Encoding.UTF8.GetByteCount(rows) > 1024 * 1024);
        Assert.Equal(HttpStatusCode.OK, large.StatusCode);
        await refused.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(20_000, await Client.TotalAsync());
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private Task<HttpResponseMessage> ImportAsync(string csv, string query = "") => Client.PostAsync("core/transactions/import" + query, Csv(csv));

    private async Task<JsonObject> ImportOkAsync(string csv, string query = "")
    {
        var response = await ImportAsync(csv, query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
