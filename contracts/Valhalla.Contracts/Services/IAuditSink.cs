namespace Valhalla.Contracts.Services;

/// <summary>
/// Receives money events (post, void, allocation, bucket change). Exported by whichever pack keeps
/// the audit trail; producers must treat a missing or failing sink as non-fatal.
/// </summary>
public interface IAuditSink
{
    /// <summary>Records one event.</summary>
    Task RecordAsync(MoneyEvent moneyEvent, CancellationToken cancellationToken = default);
}
