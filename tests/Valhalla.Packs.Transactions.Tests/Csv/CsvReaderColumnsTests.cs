using Valhalla.Contracts;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Transactions.Tests.Csv;

/// <summary>Reading where a column stands first, which field each refusal names, the chosen delimiter, and the caller's reader.</summary>
public sealed class CsvReaderColumnsTests
{
    private static Task<ParsedCsv> ReadAsync(string csv, ImportQuery? query = null) =>
        CsvLedgerReader.ReadAsync(new StringReader(csv), ImportOptions.From(query ?? new ImportQuery()), default);

    [Theory]
    [InlineData("description", "2026-01-15,-1,a\u0001b", "description: must not contain control characters (found U+0001).")]
    [InlineData("links", "2026-01-15,-1,{\"flow\":\"x\"}", "links: '{\"flow\":\"x\"}' is not a JSON object of links, e.g. {\"obligation_id\":\"ob_…\"} (keys obligation_id, flow_id, replacement_id, deal_id).")]
    [InlineData("import_id", "2026-01-15,-1,A\u0001B", "import_id: must not contain control characters (found U+0001).")]
    [InlineData("tx_type", "2026-01-15,1,transfer", "tx_type: must be income or expense.")]
    public async Task A_bad_cell_is_an_error_naming_its_field(string column, string row, string message)
    {
        var csv = "date,amount," + column + "\n" + row.Replace("{\"flow\":\"x\"}", "\"{\"\"flow\"\":\"\"x\"\"}\"", StringComparison.Ordinal) + "\n";

        var parsed = await ReadAsync(csv);

        Assert.Equal([new ImportError(2, column, message)], parsed.Errors);
    }

    [Fact]
    public async Task A_signed_amount_and_a_bad_type_on_one_line_are_two_errors()
    {
        var parsed = await ReadAsync("date,amount,tx_type\n2026-01-15,-12,transfer\n");

        Assert.Equal([(2, "amount"), (2, "tx_type")], parsed.Errors.Select(e => (e.Line, e.Field)));
    }

    [Fact]
    public async Task A_status_column_first_is_read()
    {
        var parsed = await ReadAsync("status,date,amount\nvoid,2026-01-15,-1\nposted,2026-01-16,-2\n");

        Assert.Equal((1, 3), (parsed.VoidSkipped, parsed.Rows.Single().Line));
    }

    [Fact]
    public async Task A_type_column_first_is_read_and_takes_positive_amounts()
    {
        var parsed = await ReadAsync("tx_type,date,amount\nexpense,2026-01-15,12\nincome,2026-01-16,-3\n");

        Assert.Equal([(2, "expense", new Money(1200))], parsed.Rows.Select(r => (r.Line, r.TxType, r.Amount)));
        Assert.Equal([(3, "amount")], parsed.Errors.Select(e => (e.Line, e.Field)));
    }

    [Fact]
    public async Task An_optional_column_first_is_read()
    {
        var parsed = await ReadAsync("description,date,amount\nBread,2026-01-15,-1\n");

        Assert.Equal("Bread", parsed.Rows.Single().Description);
    }

    [Fact]
    public async Task The_chosen_delimiter_is_used_not_guessed()
    {
        var problem = await Assert.ThrowsAsync<PackProblemException>(() => ReadAsync("date;amount\n2026-01-15;-1\n"));
        var parsed = await ReadAsync("date;amount\n2026-01-15;-1\n", new ImportQuery { Delimiter = ";" });

        Assert.Equal("date_column: the file has no column 'date' for date; its header names 'date;amount'.", problem.Message);
        Assert.Equal(new Money(100), parsed.Rows.Single().Amount);
    }

    [Fact]
    public async Task The_callers_reader_is_left_open()
    {
        using var text = new StringReader("date,amount\n2026-01-15,-1\n");

        await CsvLedgerReader.ReadAsync(text, new ImportOptions(), default);

        Assert.Equal("", text.ReadToEnd());
    }

    [Fact]
    public async Task A_record_too_large_for_the_buffer_is_a_400_on_the_body()
    {
        var problem = await Assert.ThrowsAsync<PackProblemException>(() =>
            ReadAsync("date,amount,description\n2026-01-15,-1,x\n2026-01-16,-1," + new string('x', 200_000) + "\n"));

        Assert.Equal(("body", "body: the record at line 3 is too large (a quote is not closed?); nothing was imported."), (problem.Field, problem.Message));
    }

    [Fact]
    public async Task A_cell_starting_with_a_hash_is_data_not_a_comment_and_keeps_the_line_count()
    {
        var parsed = await ReadAsync("description,date,amount\n#42 Coffee,2026-01-15,-1\n# 43,2026-01-16,x\n");

        Assert.Equal((2, 2, "#42 Coffee"), (parsed.Records, parsed.Rows.Single().Line, parsed.Rows.Single().Description));
        Assert.Equal(3, parsed.Errors.Single().Line);
    }
}
