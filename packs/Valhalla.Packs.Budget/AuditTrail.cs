using Microsoft.Extensions.Logging;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Budget;

/// <summary>
/// Sends the budget's money events to whichever pack exports <see cref="IAuditSink"/>, asked at the
/// moment of the event. A missing or failing sink never fails the change, which is already committed.
/// </summary>
public sealed class AuditTrail(IPackServices services, TimeProvider time, ILogger<AuditTrail> logger)
{
    public const string Pack = "P-BUDGET-1";

    public async Task RecordAsync(string kind, string subjectId, Money? amount, string? detail, CancellationToken ct)
    {
        if (services.Find<IAuditSink>() is not { } sink)
        {
            return;
        }

        try
        {
            await sink.RecordAsync(new MoneyEvent(Pack, kind, subjectId, amount, time.GetUtcNow(), detail), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The audit sink refused {Kind} for {Subject}; the change itself is saved", kind, subjectId);
        }
    }
}
