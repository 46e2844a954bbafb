using Valhalla.Contracts;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions.Tests.Csv;

/// <summary>Reading a bank's CSV: mapping, exact amounts, chosen date formats, and every bad field named by line.</summary>
public sealed class CsvLedgerReaderTests
{
    private static Task<ParsedCsv> ReadAsync(string csv, ImportQuery? query = null) =>
        CsvLedgerReader.ReadAsync(new StringReader(csv), ImportOptions.From(query ?? new ImportQuery()), default);

    [Fact]
    public async Task Signed_amounts_make_expenses_and_income()
    {
        var parsed = await ReadAsync("date,amount,description\n2026-01-15,-12.50,Groceries\n2026-01-31,2500,Salary\n");

        Assert.Collection(parsed.Rows,
            r => Assert.Equal((2, "expense", new Money(1250), new DateOnly(2026, 1, 15), "Groceries"), (r.Line, r.TxType, r.Amount, r.Date, r.Description)),
            r => Assert.Equal((3, "income", new Money(250000)), (r.Line, r.TxType, r.Amount)));
        Assert.Empty(parsed.Errors);
    }

    [Fact]
    public async Task Quoted_commas_and_line_breaks_stay_in_the_cell_and_later_lines_keep_their_numbers()
    {
        var parsed = await ReadAsync("date,amount,description\n2026-01-15,-3.20,\"Coffee, large\"\n2026-01-16,-4,\"two\nlines\"\n2026-01-17,x,Bad\n");

        Assert.Equal("Coffee, large", parsed.Rows[0].Description);
        Assert.Equal("two\nlines", parsed.Rows[1].Description);
        Assert.Equal(new ImportError(5, "amount", parsed.Errors.Single().Message), parsed.Errors.Single());
    }

    [Fact]
    public async Task Every_bad_field_is_named_with_its_line()
    {
        var parsed = await ReadAsync("date,amount,description\n2026-02-30,-1,Bad date\n2026-01-15,12.345,Bad amount\n2026-01-15,abc,\n15/01/2026,0,Both\n2026-01-15,-1,Fine\n");

        Assert.Equal(
            [(2, "date"), (3, "amount"), (4, "amount"), (5, "date"), (5, "amount")],
            parsed.Errors.Select(e => (e.Line, e.Field)));
        Assert.Contains("2026-02-30", parsed.Errors[0].Message);
        Assert.Equal(6, parsed.Rows.Single().Line);
        Assert.Equal(5, parsed.Records);
    }

    [Fact]
    public async Task Columns_are_mapped_by_query_with_the_chosen_date_format_and_decimal_comma()
    {
        var parsed = await ReadAsync(
            "Buchungstag;Betrag;Verwendungszweck;Referenz\n15.01.2026;-1234,56;Miete;REF-1\n",
            new ImportQuery
            {
                DateColumn = "Buchungstag",
                AmountColumn = "Betrag",
                DescriptionColumn = "Verwendungszweck",
                IdColumn = "Referenz",
                DateFormat = "dd.MM.yyyy",
                Delimiter = ";",
                DecimalSeparator = ",",
            });

        var row = parsed.Rows.Single();
        Assert.Equal(("REF-1", "expense", new Money(123456), new DateOnly(2026, 1, 15), "Miete"), (row.ImportId, row.TxType, row.Amount, row.Date, row.Description));
    }

    [Fact]
    public async Task A_type_column_takes_positive_amounts_and_refuses_a_sign()
    {
        var parsed = await ReadAsync("date,amount,tx_type\n2026-01-15,12,expense\n2026-01-15,-12,income\n2026-01-15,12,transfer\n");

        Assert.Equal("expense", parsed.Rows.Single().TxType);
        Assert.Equal([(3, "amount"), (4, "tx_type")], parsed.Errors.Select(e => (e.Line, e.Field)));
    }

    [Fact]
    public async Task Identical_rows_get_different_ids_by_occurrence()
    {
        var parsed = await ReadAsync("date,amount,description\n2026-01-15,-3.20,Coffee\n2026-01-15,-3.20,Coffee\n");

        Assert.Equal(
            [ImportIds.Hash(new DateOnly(2026, 1, 15), -320, "Coffee", 1), ImportIds.Hash(new DateOnly(2026, 1, 15), -320, "Coffee", 2)],
            parsed.Rows.Select(r => r.ImportId));
    }

    [Fact]
    public async Task A_bank_id_seen_twice_in_one_file_is_a_duplicate_not_a_second_row()
    {
        var parsed = await ReadAsync("date,amount,import_id\n2026-01-15,-1,A\n2026-01-16,-2,A\n");

        Assert.Single(parsed.Rows);
        Assert.Equal(new ImportDuplicate(3, "A"), parsed.Duplicates.Single());
    }

    [Fact]
    public async Task Void_rows_of_an_export_are_skipped()
    {
        var parsed = await ReadAsync("date,amount,status\n2026-01-15,-1,posted\n2026-01-16,-2,void\n");

        Assert.Equal((1, 1), (parsed.Rows.Count, parsed.VoidSkipped));
    }

    [Fact]
    public async Task A_missing_column_is_a_400_naming_the_parameter_and_the_header()
    {
        var problem = await Assert.ThrowsAsync<PackProblemException>(() => ReadAsync("Date,Value\n2026-01-15,1\n", new ImportQuery { AmountColumn = "Betrag" }));

        Assert.Equal("amount_column", problem.Field);
        Assert.Contains("'Value'", problem.Message);
    }

    [Fact]
    public async Task An_empty_body_is_a_400()
    {
        var problem = await Assert.ThrowsAsync<PackProblemException>(() => ReadAsync(""));

        Assert.Equal("body", problem.Field);
    }

    [Fact]
    public async Task Headers_match_ignoring_case_spaces_and_a_byte_order_mark()
    {
        var parsed = await ReadAsync("\uFEFF Date , AMOUNT\n2026-01-15,1\n");

        Assert.Single(parsed.Rows);
    }

    [Theory]
    [InlineData("date_format", "yyyy")]
    [InlineData("delimiter", "x")]
    [InlineData("decimal_separator", "'")]
    [InlineData("gating", "maybe")]
    public void A_bad_parameter_is_a_400_naming_it(string parameter, string value)
    {
        var query = parameter switch
        {
            "date_format" => new ImportQuery { DateFormat = value },
            "delimiter" => new ImportQuery { Delimiter = value },
            "decimal_separator" => new ImportQuery { DecimalSeparator = value },
            _ => new ImportQuery { Gating = value },
        };

        Assert.Equal(parameter, Assert.Throws<PackProblemException>(() => ImportOptions.From(query)).Field);
    }
}
