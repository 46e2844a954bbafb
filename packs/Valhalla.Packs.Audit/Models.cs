using Microsoft.AspNetCore.Mvc;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Audit;

/// <summary>One recorded money event, on the wire and in the store.</summary>
public sealed record AuditEvent
{
    public required string Id { get; init; }

    public required string Pack { get; init; }

    public required string Kind { get; init; }

    public required string SubjectId { get; init; }

    public Money? Amount { get; init; }

    public required DateTimeOffset At { get; init; }

    public string? Detail { get; init; }

    /// <summary>The name of the key that made the change; null when the request carried none.</summary>
    public string? Actor { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }
}

/// <summary>The query string of <c>GET /core/audit</c> as sent, bound with <c>[AsParameters]</c>; <see cref="AuditRules.Filter"/> parses it.</summary>
public sealed record AuditQuery
{
    [FromQuery(Name = "subject_id")]
    public string? SubjectId { get; init; }

    [FromQuery(Name = "pack")]
    public string? Pack { get; init; }

    [FromQuery(Name = "kind")]
    public string? Kind { get; init; }

    [FromQuery(Name = "from")]
    public string? From { get; init; }

    [FromQuery(Name = "to")]
    public string? To { get; init; }

    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    [FromQuery(Name = "offset")]
    public int? Offset { get; init; }
}

/// <summary>A parsed <see cref="AuditQuery"/>: what the store filters by.</summary>
public sealed record AuditFilter(string? SubjectId, string? Pack, string? Kind, DateOnly? From, DateOnly? To, int Limit, int Offset);

/// <summary>A page of events, newest first, with the total matching the filters.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEvent> Items, int Total, int Limit, int Offset);
