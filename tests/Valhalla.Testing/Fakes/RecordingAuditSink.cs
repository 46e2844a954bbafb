using Valhalla.Contracts.Services;

namespace Valhalla.Testing.Fakes;

/// <summary>An audit sink that records events, or fails on demand.</summary>
public sealed class RecordingAuditSink : IAuditSink
{
    public List<MoneyEvent> Events { get; } = [];

    public bool Fail { get; set; }

    public Task RecordAsync(MoneyEvent moneyEvent, CancellationToken cancellationToken = default)
    {
        if (Fail)
        {
            throw new InvalidOperationException("audit store is down");
        }

        Events.Add(moneyEvent);
        return Task.CompletedTask;
    }
}
