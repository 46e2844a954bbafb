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

/// <summary>The filters of <c>GET /core/audit</c>, already checked; <c>From</c>/<c>To</c> are dates, inclusive.</summary>
public sealed record AuditFilter(string? SubjectId, string? Pack, string? Kind, DateOnly? From, DateOnly? To, int Limit, int Offset);

/// <summary>A page of events, newest first, with the total matching the filters.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEvent> Items, int Total, int Limit, int Offset);
