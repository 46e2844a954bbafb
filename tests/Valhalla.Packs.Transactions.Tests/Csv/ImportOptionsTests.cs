using Valhalla.Contracts;

namespace Valhalla.Packs.Transactions.Tests.Csv;

/// <summary>The import query checked into options: defaults, each choice at its edges, and the words of each refusal.</summary>
public sealed class ImportOptionsTests
{
    [Fact]
    public void Without_parameters_the_defaults_apply()
    {
        var options = ImportOptions.From(new ImportQuery());

        Assert.Equal(("yyyy-MM-dd", ',', '.', false, false, false), (options.DateFormat, options.Delimiter, options.DecimalSeparator, options.DryRun, options.SkipInvalid, options.GatingOff));
        Assert.Equal(new ColumnChoice("date", "date", true, "date_column"), options.Date);
        Assert.Equal(new ColumnChoice("amount", "amount", true, "amount_column"), options.Amount);
        Assert.Equal(
            [("description", "description_column"), ("bucket_id", "bucket_column"), ("tx_type", "type_column"), ("priority", "priority_column"), ("import_id", "id_column"), ("status", "status_column")],
            new[] { options.Description, options.Bucket, options.Type, options.Priority, options.Id, options.Status }.Select(c => (c.Header!, c.Parameter!)));
        Assert.All(new[] { options.Description, options.Bucket, options.Type, options.Priority, options.Id, options.Status }, c => Assert.False(c.MustExist));
    }

    [Fact]
    public void Each_choice_given_is_taken()
    {
        var options = ImportOptions.From(new ImportQuery
        {
            DateColumn = " Day ",
            AmountColumn = "Value",
            DescriptionColumn = "Text",
            BucketColumn = "Bucket",
            TypeColumn = "",
            PriorityColumn = "Prio",
            IdColumn = "Ref",
            StatusColumn = "State",
            DateFormat = "dd.MM.yyyy",
            Delimiter = ";",
            DecimalSeparator = ",",
            DryRun = true,
            SkipInvalid = true,
            Gating = "off",
        });

        Assert.Equal(("Day", "Value", "Text", "Bucket", null, "Prio", "Ref", "State"),
            (options.Date.Header, options.Amount.Header, options.Description.Header, options.Bucket.Header, options.Type.Header, options.Priority.Header, options.Id.Header, options.Status.Header));
        Assert.Equal([true, true, true, true, false, true, true, true],
            new[] { options.Date, options.Amount, options.Description, options.Bucket, options.Type, options.Priority, options.Id, options.Status }.Select(c => c.MustExist));
        Assert.Equal(("dd.MM.yyyy", ';', ',', true, true, true), (options.DateFormat, options.Delimiter, options.DecimalSeparator, options.DryRun, options.SkipInvalid, options.GatingOff));
    }

    [Theory]
    [InlineData(null, ',')]
    [InlineData(",", ',')]
    [InlineData(";", ';')]
    [InlineData("|", '|')]
    [InlineData("tab", '\t')]
    [InlineData("\t", '\t')]
    public void The_delimiter_is_one_of_four(string? delimiter, char expected) =>
        Assert.Equal(expected, ImportOptions.From(new ImportQuery { Delimiter = delimiter, DecimalSeparator = delimiter == "," ? "." : null }).Delimiter);

    [Theory]
    [InlineData("on", false)]
    [InlineData(null, false)]
    [InlineData("off", true)]
    public void Gating_is_on_unless_turned_off(string? gating, bool off) =>
        Assert.Equal(off, ImportOptions.From(new ImportQuery { Gating = gating }).GatingOff);

    [Theory]
    [InlineData(".", '.')]
    [InlineData(",", ',')]
    public void The_decimal_separator_is_a_point_or_a_comma(string separator, char expected) =>
        Assert.Equal(expected, ImportOptions.From(new ImportQuery { DecimalSeparator = separator, Delimiter = ";" }).DecimalSeparator);

    [Fact]
    public void A_date_format_with_year_month_and_day_of_up_to_40_characters_is_taken()
    {
        Assert.Equal("yMd", ImportOptions.From(new ImportQuery { DateFormat = "yMd" }).DateFormat);
        Assert.Equal("yyyy-MM-dd".PadRight(40, 'd'), ImportOptions.From(new ImportQuery { DateFormat = "yyyy-MM-dd".PadRight(40, 'd') }).DateFormat);
        Assert.Equal("date_format", Assert.Throws<PackProblemException>(() => ImportOptions.From(new ImportQuery { DateFormat = "yyyy-MM-dd".PadRight(41, 'd') })).Field);
    }

    public static TheoryData<ImportQuery, string> Refused => new()
    {
        { new() { DateFormat = "" }, "date_format: must be a .NET date format with year, month and day, e.g. yyyy-MM-dd, dd.MM.yyyy or MM/dd/yyyy." },
        { new() { DateFormat = "MM-dd" }, "date_format: must be a .NET date format with year, month and day, e.g. yyyy-MM-dd, dd.MM.yyyy or MM/dd/yyyy." },
        { new() { DateFormat = "yyyy-dd" }, "date_format: must be a .NET date format with year, month and day, e.g. yyyy-MM-dd, dd.MM.yyyy or MM/dd/yyyy." },
        { new() { DateFormat = "yyyy-MM" }, "date_format: must be a .NET date format with year, month and day, e.g. yyyy-MM-dd, dd.MM.yyyy or MM/dd/yyyy." },
        { new() { Delimiter = ";;" }, "delimiter: must be one of , ; | or tab." },
        { new() { Delimiter = ":" }, "delimiter: must be one of , ; | or tab." },
        { new() { DecimalSeparator = "'" }, "decimal_separator: must be . or ," },
        { new() { DecimalSeparator = "," }, "decimal_separator: must differ from the delimiter; with decimal_separator=, use delimiter=;" },
        { new() { Gating = "Off" }, "gating: must be on or off." },
        { new() { DateColumn = "" }, "date_column: date is needed: name the column that holds it." },
        { new() { AmountColumn = "" }, "amount_column: amount is needed: name the column that holds it." },
        { new() { IdColumn = new string('x', 201) }, "id_column: must be at most 200 characters." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_bad_parameter_is_refused_naming_it_and_saying_why(ImportQuery query, string message) =>
        Assert.Equal(message, Assert.Throws<PackProblemException>(() => ImportOptions.From(query)).Message);

    [Fact]
    public void Each_optional_column_reads_its_field_from_the_header_of_that_name()
    {
        var options = ImportOptions.From(new ImportQuery());

        Assert.Equal(
            [
                new ColumnChoice("description", "description", false, "description_column"), new ColumnChoice("bucket_id", "bucket_id", false, "bucket_column"),
                new ColumnChoice("tx_type", "tx_type", false, "type_column"), new ColumnChoice("priority", "priority", false, "priority_column"),
                new ColumnChoice("import_id", "import_id", false, "id_column"), new ColumnChoice("links", "links", false, "links_column"),
                new ColumnChoice("status", "status", false, "status_column"),
            ],
            new[] { options.Description, options.Bucket, options.Type, options.Priority, options.Id, options.Links, options.Status });
    }

    [Fact]
    public async Task A_chosen_links_column_the_file_lacks_is_refused_naming_the_parameter_and_the_field()
    {
        var options = ImportOptions.From(new ImportQuery { LinksColumn = "Refs" });

        var problem = await Assert.ThrowsAsync<PackProblemException>(() => CsvLedgerReader.ReadAsync(new StringReader("date,amount\n"), options, default));

        Assert.Equal("links_column: the file has no column 'Refs' for links; its header names 'date', 'amount'.", problem.Message);
    }

    [Fact]
    public void A_column_name_of_200_characters_is_taken() =>
        Assert.Equal(new string('x', 200), ImportOptions.From(new ImportQuery { IdColumn = new string('x', 200) }).Id.Header);
}
