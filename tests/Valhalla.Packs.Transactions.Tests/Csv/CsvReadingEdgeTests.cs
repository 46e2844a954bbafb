using Valhalla.Contracts;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Transactions.Tests.Csv;

/// <summary>Reading at the edges: line numbers across line endings, blank and short lines, each refusal's words, the defaults of a row.</summary>
public sealed class CsvReadingEdgeTests
{
    private static Task<ParsedCsv> ReadAsync(string csv, ImportQuery? query = null) =>
        CsvLedgerReader.ReadAsync(new StringReader(csv), ImportOptions.From(query ?? new ImportQuery()), default);

    [Fact]
    public async Task Line_numbers_count_crlf_once_a_lone_cr_once_and_breaks_inside_quotes()
    {
        var crlf = await ReadAsync("date,amount,description\r\n2026-01-15,-1,\"a\r\nb\"\r\n\r\n2026-01-16,x,c\r\n");
        var cr = await ReadAsync("date,amount\r2026-01-15,-1\r2026-01-16,x\r");

        Assert.Equal("a\r\nb", crlf.Rows.Single().Description);
        Assert.Equal(5, crlf.Errors.Single().Line);
        Assert.Equal(3, cr.Errors.Single().Line);
    }

    [Fact]
    public async Task Blank_lines_are_not_records_and_a_last_line_without_a_break_is_read()
    {
        var parsed = await ReadAsync("date,amount\n\n   \n2026-01-15,-1\n2026-01-16,-2");

        Assert.Equal(2, parsed.Records);
        Assert.Equal([4, 5], parsed.Rows.Select(r => r.Line));
    }

    [Fact]
    public async Task A_short_line_lacks_its_cells_and_says_so()
    {
        var parsed = await ReadAsync("date,amount,description\n2026-01-15\n");

        Assert.Equal([(2, "amount", "amount: '' is not an amount: digits with at most two decimals after '.', e.g. -12.50.")],
            parsed.Errors.Select(e => (e.Line, e.Field, e.Message)));
    }

    [Theory]
    [InlineData("2026-02-30,-1", "date", "date: '2026-02-30' is not a date in the format yyyy-MM-dd.")]
    [InlineData("2026-01-15,0.00", "amount", "amount: must not be 0.")]
    [InlineData("2026-01-15,1000000000", "amount", "amount: must be at most 999999999.99 either way.")]
    [InlineData("2026-01-15,-1000000000", "amount", "amount: must be at most 999999999.99 either way.")]
    [InlineData("2026-01-15,-1,x,bk_nope", "bucket_id", "bucket_id: 'bk_nope' is not a bucket id (bk_ followed by 12 hex digits).")]
    [InlineData("2026-01-15,-1,x,,E", "priority", "priority: must be one of A, B, C, D.")]
    public async Task Each_bad_cell_is_refused_saying_why(string row, string field, string message)
    {
        var parsed = await ReadAsync("date,amount,description,bucket_id,priority\n" + row + "\n");

        Assert.Equal((2, field, message), (parsed.Errors.Single().Line, parsed.Errors.Single().Field, parsed.Errors.Single().Message));
    }

    [Fact]
    public async Task The_amounts_ceiling_and_a_decimal_comma_are_named_in_the_refusal()
    {
        var ceiling = await ReadAsync("date,amount\n2026-01-15,999999999.99\n2026-01-15,-999999999.99\n");
        var comma = await ReadAsync("date;amount\n2026-01-15;1.5\n", new ImportQuery { Delimiter = ";", DecimalSeparator = "," });

        Assert.Equal(2, ceiling.Rows.Count);
        Assert.Equal("amount: '1.5' is not an amount: digits with at most two decimals after ',', e.g. -12,50.", comma.Errors.Single().Message);
    }

    [Fact]
    public async Task A_row_without_priority_is_b_and_cells_are_trimmed()
    {
        var parsed = await ReadAsync("date,amount,description,bucket_id,priority,import_id\n 2026-01-15 ,-1,  Bread  , bk_0123456789ab ,  , REF-7 \n");

        var row = parsed.Rows.Single();
        Assert.Equal(("B", "Bread", "bk_0123456789ab", "REF-7", new DateOnly(2026, 1, 15)), (row.Priority, row.Description, row.BucketId, row.ImportId, row.Date));
    }

    [Fact]
    public async Task An_empty_bank_id_falls_back_to_the_hash_and_an_empty_description_is_none()
    {
        var parsed = await ReadAsync("date,amount,description,import_id\n2026-01-15,-1,  ,  \n");

        var row = parsed.Rows.Single();
        Assert.Null(row.Description);
        Assert.Equal(ImportIds.Hash(new DateOnly(2026, 1, 15), -100, null, 1), row.ImportId);
    }

    [Fact]
    public async Task Without_an_id_column_a_column_after_the_last_is_not_read_as_one()
    {
        var parsed = await ReadAsync("date,amount\n2026-01-15,-1,REF-1\n", new ImportQuery { IdColumn = "" });

        Assert.StartsWith("h_", parsed.Rows.Single().ImportId);
    }

    [Fact]
    public async Task A_type_column_is_read_ignoring_case_and_spaces()
    {
        var parsed = await ReadAsync("date,amount,tx_type\n2026-01-15,12, Income \n");

        Assert.Equal(("income", new Money(1200)), (parsed.Rows.Single().TxType, parsed.Rows.Single().Amount));
    }

    [Fact]
    public async Task A_signed_amount_beside_a_type_column_is_refused_saying_how_to_read_the_sign()
    {
        var parsed = await ReadAsync("date,amount,tx_type\n2026-01-15,-12,expense\n");

        Assert.Equal("amount: must be positive when a type column says income or expense; send type_column= (empty) to read the sign instead.", parsed.Errors.Single().Message);
    }

    [Fact]
    public async Task Void_is_recognised_in_any_case_and_only_in_the_status_column()
    {
        var parsed = await ReadAsync("date,amount,status,description\n2026-01-15,-1, VOID ,x\n2026-01-15,-2,posted,void\n");

        Assert.Equal((2, 1, 1), (parsed.Records, parsed.VoidSkipped, parsed.Rows.Count));
        Assert.Equal(3, parsed.Rows.Single().Line);
    }

    [Fact]
    public async Task A_row_with_an_error_gets_no_id_and_does_not_count_as_an_occurrence()
    {
        var parsed = await ReadAsync("date,amount,description,priority\n2026-01-15,-1,Coffee,Z\n2026-01-15,-1,Coffee,A\n");

        Assert.Equal(ImportIds.Hash(new DateOnly(2026, 1, 15), -100, "Coffee", 1), parsed.Rows.Single().ImportId);
        Assert.Empty(parsed.Duplicates);
    }

    [Fact]
    public async Task A_quote_that_is_never_closed_is_a_400_on_the_body()
    {
        var problem = await Assert.ThrowsAsync<PackProblemException>(() => ReadAsync("date,amount,description\n2026-01-15,-1,\"open\n2026-01-16,-2,x\n"));

        Assert.Equal("body", problem.Field);
        Assert.Contains("nothing was imported", problem.Message);
    }

    [Fact]
    public async Task An_empty_file_is_refused_saying_a_header_is_needed()
    {
        var problem = await Assert.ThrowsAsync<PackProblemException>(() => ReadAsync(""));

        Assert.Equal("body: the file is empty: it needs a header line naming its columns.", problem.Message);
    }

    [Fact]
    public async Task A_missing_column_lists_the_headers_the_file_has()
    {
        var problem = await Assert.ThrowsAsync<PackProblemException>(() => ReadAsync("Day, Value \n2026-01-15,1\n"));

        Assert.Equal("date_column: the file has no column 'date' for date; its header names 'Day', 'Value'.", problem.Message);
    }

    [Fact]
    public async Task A_column_chosen_empty_is_not_read_even_when_the_file_has_it()
    {
        var parsed = await ReadAsync("date,amount,description\n2026-01-15,-1,Bread\n", new ImportQuery { DescriptionColumn = "" });

        Assert.Null(parsed.Rows.Single().Description);
    }

    [Theory]
    [InlineData("000000999999999", 99_999_999_900)]
    [InlineData("-0,5", -50)]
    public void Amounts_up_to_15_digits_are_read(string text, long minor)
    {
        Assert.True(CsvAmount.TryParse(text, text.Contains(',') ? ',' : '.', out var amount));
        Assert.Equal(new Money(minor), amount);
    }

    [Theory]
    [InlineData("1/2")]
    [InlineData("1:2")]
    [InlineData("+")]
    [InlineData(".")]
    [InlineData("1.-5")]
    public void Characters_beside_the_digits_are_refused(string text) => Assert.False(CsvAmount.TryParse(text, '.', out _));

    [Fact]
    public void A_bank_id_may_have_200_characters_and_no_control_characters()
    {
        Assert.Equal(new string('x', 200), ImportIds.FromColumn(new string('x', 200)));
        Assert.Equal("import_id: must be at most 200 characters.", Assert.Throws<PackProblemException>(() => ImportIds.FromColumn(new string('x', 201))).Message);
        Assert.Equal("import_id", Assert.Throws<PackProblemException>(() => ImportIds.FromColumn("A\u0001B")).Field);
    }

    [Fact]
    public void The_hash_is_of_the_rows_fixed_text_and_depends_on_every_part()
    {
        var day = new DateOnly(2026, 1, 15);
        var hash = ImportIds.Hash(day, -320, "Coffee", 1);

        // SHA-256 of "2026-01-15\n-320\nCoffee\n1", its first 16 bytes in lower-case hex.
        Assert.Equal("h_facca005fc39a8f8444db46c978d809c", hash);
        Assert.NotEqual(hash, ImportIds.Hash(day.AddDays(1), -320, "Coffee", 1));
        Assert.NotEqual(hash, ImportIds.Hash(day, -320, "Tea", 1));
    }
}
