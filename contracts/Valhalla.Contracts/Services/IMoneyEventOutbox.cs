namespace Valhalla.Contracts.Services;

/// <summary>
/// The money events a pack has written to its own database, in the same transaction as the changes
/// they describe, and that have not been delivered yet. A pack that emits money events registers one
/// in its service collection (not exported: it is for the host); the host's dispatcher reads it,
/// hands the events to the pack that exports <see cref="IAuditSink"/>, then acknowledges them. While
/// no sink is loaded, events wait here, and a write never fails because of the audit trail.
/// </summary>
public interface IMoneyEventOutbox
{
    /// <summary>Up to <paramref name="max"/> pending events, oldest first.</summary>
    Task<IReadOnlyList<MoneyEvent>> PeekAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Removes delivered events by <see cref="MoneyEvent.Id"/>; unknown ids are ignored.</summary>
    Task AcknowledgeAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken = default);

    /// <summary>How many events wait for delivery.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken = default);
}
