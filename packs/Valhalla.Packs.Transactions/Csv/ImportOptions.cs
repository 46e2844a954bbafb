using Valhalla.Contracts;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>How to read a CSV file, checked: the column of each field, the date format, separators, and what to do.</summary>
public sealed record ImportOptions
{
    public const string DefaultDateFormat = "yyyy-MM-dd";

    public ColumnChoice Date { get; init; } = ColumnChoice.Required("date", "date");

    public ColumnChoice Amount { get; init; } = ColumnChoice.Required("amount", "amount");

    public ColumnChoice Description { get; init; } = ColumnChoice.Optional("description", "description");

    public ColumnChoice Bucket { get; init; } = ColumnChoice.Optional("bucket_id", "bucket_id");

    /// <summary>When the file has a type column, amounts are positive and the column says income or expense; else the sign does.</summary>
    public ColumnChoice Type { get; init; } = ColumnChoice.Optional("tx_type", "tx_type");

    public ColumnChoice Priority { get; init; } = ColumnChoice.Optional("priority", "priority");

    /// <summary>The bank's own id, or the <c>import_id</c> column of an export.</summary>
    public ColumnChoice Id { get; init; } = ColumnChoice.Optional("import_id", "import_id");

    /// <summary>An export's links column: a JSON object of reference ids (<c>obligation_id</c>…), so a re-import keeps which expense paid which obligation.</summary>
    public ColumnChoice Links { get; init; } = ColumnChoice.Optional("links", "links");

    /// <summary>An export's status column: void rows are not imported.</summary>
    public ColumnChoice Status { get; init; } = ColumnChoice.Optional("status", "status");

    public string DateFormat { get; init; } = DefaultDateFormat;

    public char Delimiter { get; init; } = ',';

    public char DecimalSeparator { get; init; } = '.';

    public bool DryRun { get; init; }

    public bool SkipInvalid { get; init; }

    public bool GatingOff { get; init; }

    /// <summary>Checks the query; a bad parameter is a 400 naming it.</summary>
    public static ImportOptions From(ImportQuery query)
    {
        var defaults = new ImportOptions();
        return new ImportOptions
        {
            Date = defaults.Date.Named(query.DateColumn, "date_column"),
            Amount = defaults.Amount.Named(query.AmountColumn, "amount_column"),
            Description = defaults.Description.Named(query.DescriptionColumn, "description_column"),
            Bucket = defaults.Bucket.Named(query.BucketColumn, "bucket_column"),
            Type = defaults.Type.Named(query.TypeColumn, "type_column"),
            Priority = defaults.Priority.Named(query.PriorityColumn, "priority_column"),
            Id = defaults.Id.Named(query.IdColumn, "id_column"),
            Links = defaults.Links.Named(query.LinksColumn, "links_column"),
            Status = defaults.Status.Named(query.StatusColumn, "status_column"),
            DateFormat = query.DateFormat is null ? DefaultDateFormat
                : query.DateFormat.Length <= 40 && query.DateFormat.Contains('y') && query.DateFormat.Contains('M') && query.DateFormat.Contains('d')
                    ? query.DateFormat
                    : throw PackProblemException.BadField("date_format", "must be a .NET date format with year, month and day, e.g. yyyy-MM-dd, dd.MM.yyyy or MM/dd/yyyy."),
            Delimiter = query.Delimiter switch
            {
                null => ',',
                "tab" or "\t" => '\t',
                { Length: 1 } one when one[0] is ',' or ';' or '|' => one[0],
                _ => throw PackProblemException.BadField("delimiter", "must be one of , ; | or tab."),
            },
            DecimalSeparator = query.DecimalSeparator switch
            {
                null or "." => '.',
                "," => ',',
                _ => throw PackProblemException.BadField("decimal_separator", "must be . or ,"),
            },
            DryRun = query.DryRun ?? false,
            SkipInvalid = query.SkipInvalid ?? false,
            GatingOff = query.Gating switch
            {
                null or "on" => false,
                "off" => true,
                _ => throw PackProblemException.BadField("gating", "must be on or off."),
            },
        } is var options && options.Delimiter == options.DecimalSeparator
            ? throw PackProblemException.BadField("decimal_separator", "must differ from the delimiter; with decimal_separator=, use delimiter=;")
            : options;
    }
}

/// <summary>Which header holds a field: its wire name, the header name, and whether the file must have it.</summary>
public sealed record ColumnChoice(string Field, string? Header, bool MustExist, string? Parameter = null)
{
    public static ColumnChoice Required(string field, string header) => new(field, header, MustExist: true);

    public static ColumnChoice Optional(string field, string header) => new(field, header, MustExist: false);

    /// <summary>Left out: the default; empty: not read (when the field may be absent); a name: the file must have it.</summary>
    public ColumnChoice Named(string? header, string parameter) => header switch
    {
        null => this with { Parameter = parameter },
        "" when MustExist => throw PackProblemException.BadField(parameter, $"{Field} is needed: name the column that holds it."),
        "" => this with { Header = null, Parameter = parameter },
        { Length: > 200 } => throw PackProblemException.BadField(parameter, "must be at most 200 characters."),
        _ => this with { Header = header.Trim(), MustExist = true, Parameter = parameter },
    };
}
