using Microsoft.AspNetCore.Mvc;

namespace Valhalla.Packs.Transactions;

/// <summary>
/// The query of <c>POST /core/transactions/import</c>, as sent. A <c>*_column</c> names the header of
/// that field; left out, the default name is used when the file has it; empty, the field is not read.
/// </summary>
public sealed record ImportQuery
{
    [FromQuery(Name = "date_column")]
    public string? DateColumn { get; init; }

    [FromQuery(Name = "amount_column")]
    public string? AmountColumn { get; init; }

    [FromQuery(Name = "description_column")]
    public string? DescriptionColumn { get; init; }

    [FromQuery(Name = "bucket_column")]
    public string? BucketColumn { get; init; }

    [FromQuery(Name = "type_column")]
    public string? TypeColumn { get; init; }

    [FromQuery(Name = "priority_column")]
    public string? PriorityColumn { get; init; }

    [FromQuery(Name = "id_column")]
    public string? IdColumn { get; init; }

    [FromQuery(Name = "links_column")]
    public string? LinksColumn { get; init; }

    [FromQuery(Name = "status_column")]
    public string? StatusColumn { get; init; }

    [FromQuery(Name = "date_format")]
    public string? DateFormat { get; init; }

    [FromQuery(Name = "delimiter")]
    public string? Delimiter { get; init; }

    [FromQuery(Name = "decimal_separator")]
    public string? DecimalSeparator { get; init; }

    [FromQuery(Name = "dry_run")]
    public bool? DryRun { get; init; }

    [FromQuery(Name = "skip_invalid")]
    public bool? SkipInvalid { get; init; }

    [FromQuery(Name = "gating")]
    public string? Gating { get; init; }
}
