using Valhalla.Contracts.Values;

namespace Valhalla.Contracts.Services;

/// <summary>One entry of the audit trail.</summary>
/// <param name="Pack">Code of the pack that produced the event, e.g. <c>P-BUDGET-2</c>.</param>
/// <param name="Kind">What happened, e.g. <c>transaction.posted</c>, <c>bucket.updated</c>.</param>
/// <param name="SubjectId">The id of the thing it happened to, e.g. <c>tx_…</c> or <c>bk_…</c>.</param>
/// <param name="Amount">The amount involved, when there is one.</param>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Detail">Optional free text, e.g. a void reason or the changed fields.</param>
public sealed record MoneyEvent(string Pack, string Kind, string SubjectId, Money? Amount, DateTimeOffset At, string? Detail = null)
{
    /// <summary>
    /// The event's unique id (<c>ev_</c> + 32 hex), given when it is written to its pack's outbox.
    /// A sink may receive an event more than once (a delivery interrupted before it was acknowledged)
    /// and must ignore an id it already has. Added in contracts 1.2; null from older producers.
    /// </summary>
    public string? Id { get; init; }

    /// <summary>
    /// Who made the change: the name of the calling key (<see cref="Access.Caller.Name"/>), or null
    /// when the request carried none. Added in contracts 1.2.
    /// </summary>
    public string? Actor { get; init; }
}
