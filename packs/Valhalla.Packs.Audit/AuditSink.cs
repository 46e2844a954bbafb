using Valhalla.Contracts.Services;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Audit;

/// <summary>What the audit pack exports: it stores every money event the host delivers, each id once.</summary>
public sealed class AuditSink(AuditStore store, TimeProvider time) : IAuditSink
{
    public Task RecordAsync(MoneyEvent moneyEvent, CancellationToken cancellationToken = default) =>
        RecordManyAsync([moneyEvent], cancellationToken);

    public Task RecordManyAsync(IReadOnlyList<MoneyEvent> moneyEvents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(moneyEvents);
        var recordedAt = Timestamps.Now(time);
        return moneyEvents.Count == 0 ? Task.CompletedTask : store.AppendAsync([.. moneyEvents.Select(e => new AuditEvent
        {
            // An event from a producer built before contracts 1.2 has no id: it gets one here, and is then never deduplicated.
            Id = e.Id ?? "ev_" + Guid.CreateVersion7(recordedAt).ToString("N"),
            Pack = e.Pack,
            Kind = e.Kind,
            SubjectId = e.SubjectId,
            Amount = e.Amount,
            At = e.At,
            Detail = e.Detail,
            Actor = e.Actor,
            RecordedAt = recordedAt,
        })], cancellationToken);
    }
}
