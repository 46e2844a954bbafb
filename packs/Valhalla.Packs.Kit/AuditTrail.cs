using Microsoft.Extensions.Logging;
using Valhalla.Contracts;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Kit;

/// <summary>
/// Sends a pack's money events to whichever pack exports <see cref="IAuditSink"/>, asked at the
/// moment of the event. Call it after the change has committed: a missing or failing sink never
/// fails or loses the change.
/// </summary>
public sealed class AuditTrail(IPackContext pack, IPackServices services, TimeProvider time, ILogger<AuditTrail> logger)
{
    public async Task RecordAsync(string kind, string subjectId, Money? amount, string? detail, CancellationToken ct)
    {
        if (services.Find<IAuditSink>() is not { } sink)
        {
            return;
        }

        try
        {
            await sink.RecordAsync(new MoneyEvent(pack.Manifest.Code, kind, subjectId, amount, time.GetUtcNow(), detail), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The audit sink refused {Kind} for {Subject}; the change itself is saved", kind, subjectId);
        }
    }
}
