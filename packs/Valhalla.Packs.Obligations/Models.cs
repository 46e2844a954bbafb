using Microsoft.AspNetCore.Mvc;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Obligations;

/// <summary>An obligation on the wire: what must be paid, when, and from which bucket.</summary>
public sealed record Obligation
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The fixed amount; null when the amount is a range.</summary>
    public Money? Amount => AmountMin == AmountMax ? AmountMin : null;

    public required Money AmountMin { get; init; }

    public required Money AmountMax { get; init; }

    public string? BucketId { get; init; }

    public required Recurrence Recurrence { get; init; }

    public required int GraceDays { get; init; }

    public required string Priority { get; init; }

    public string? Notes { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>
/// <c>POST /core/obligations</c>: <c>amount</c> for a fixed amount, or <c>amount_min</c> and
/// <c>amount_max</c> for a range. Unknown fields are refused by the host's JSON rules.
/// </summary>
public sealed record CreateObligation(
    string Name, RecurrenceInput? Recurrence, Money? Amount = null, Money? AmountMin = null, Money? AmountMax = null,
    string? BucketId = null, int? GraceDays = null, string? Priority = null, string? Notes = null);

/// <summary>The query string of <c>GET /core/obligations</c> as sent, bound with <c>[AsParameters]</c>; the Api parses it into an <see cref="ObligationFilter"/>.</summary>
public sealed record ObligationQuery
{
    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    [FromQuery(Name = "bucket_id")]
    public string? BucketId { get; init; }
}

/// <summary>A parsed <see cref="ObligationQuery"/>: what the service and store filter by; null matches everything.</summary>
public sealed record ObligationFilter(string? Status = null, string? BucketId = null);

/// <summary>A recurrence as sent; dates are text so that a bad one is a 400 naming its field.</summary>
public sealed record RecurrenceInput(
    string? Frequency = null, int? Interval = null, string? Weekday = null, int? Day = null, int? Month = null,
    string? StartDate = null, string? EndDate = null);

/// <summary>An obligation as stored: the recurrence in columns of its own.</summary>
public sealed record ObligationRow
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required Money AmountMin { get; init; }

    public required Money AmountMax { get; init; }

    public string? BucketId { get; init; }

    public required string Frequency { get; init; }

    public required int Interval { get; init; }

    public int? Weekday { get; init; }

    public int? Day { get; init; }

    public int? MonthOfYear { get; init; }

    public required DateOnly StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public required int GraceDays { get; init; }

    public required string Priority { get; init; }

    public string? Notes { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public Obligation ToObligation() => new()
    {
        Id = Id,
        Name = Name,
        AmountMin = AmountMin,
        AmountMax = AmountMax,
        BucketId = BucketId,
        Recurrence = new Recurrence
        {
            Frequency = Frequency,
            Interval = Interval,
            Weekday = Weekday is { } w ? (DayOfWeek)w : null,
            Day = Day,
            Month = MonthOfYear,
            StartDate = StartDate,
            EndDate = EndDate,
        },
        GraceDays = GraceDays,
        Priority = Priority,
        Notes = Notes,
        Status = Status,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    };

    public static ObligationRow From(Obligation o) => new()
    {
        Id = o.Id,
        Name = o.Name,
        AmountMin = o.AmountMin,
        AmountMax = o.AmountMax,
        BucketId = o.BucketId,
        Frequency = o.Recurrence.Frequency,
        Interval = o.Recurrence.Interval,
        Weekday = (int?)o.Recurrence.Weekday,
        Day = o.Recurrence.Day,
        MonthOfYear = o.Recurrence.Month,
        StartDate = o.Recurrence.StartDate,
        EndDate = o.Recurrence.EndDate,
        GraceDays = o.GraceDays,
        Priority = o.Priority,
        Notes = o.Notes,
        Status = o.Status,
        CreatedAt = o.CreatedAt,
        UpdatedAt = o.UpdatedAt,
    };
}

/// <summary>The wire values of recurrences.</summary>
public static class RecurrenceValues
{
    public const string Weekly = "weekly";
    public const string Monthly = "monthly";
    public const string Yearly = "yearly";

    public static readonly IReadOnlyList<string> Frequencies = [Weekly, Monthly, Yearly];
}

/// <summary>The wire values of obligation fields.</summary>
public static class ObligationValues
{
    public const string Active = "active";
    public const string Archived = "archived";
    public const int DefaultGraceDays = 3;

    public static readonly IReadOnlyList<string> Statuses = [Active, Archived];
}
