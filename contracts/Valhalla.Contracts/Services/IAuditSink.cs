namespace Valhalla.Contracts.Services;

/// <summary>
/// Receives money events (post, void, allocation, bucket and obligation changes). Exported by
/// whichever pack keeps the audit trail. Producers do not call it themselves: they write events to
/// their outbox (<see cref="IMoneyEventOutbox"/>) and the host delivers them, at least once, so a
/// sink must ignore an event whose <see cref="MoneyEvent.Id"/> it already has.
/// </summary>
public interface IAuditSink
{
    /// <summary>Records one event.</summary>
    Task RecordAsync(MoneyEvent moneyEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records several events, oldest first; when it returns they are all stored. Added in contracts
    /// 1.2; by default, one <see cref="RecordAsync"/> each.
    /// </summary>
    async Task RecordManyAsync(IReadOnlyList<MoneyEvent> moneyEvents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(moneyEvents);
        foreach (var moneyEvent in moneyEvents)
        {
            await RecordAsync(moneyEvent, cancellationToken);
        }
    }
}
