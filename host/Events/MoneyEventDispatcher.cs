using Microsoft.Extensions.Options;
using Valhalla.Contracts.Services;
using Valhalla.Host.Configuration;
using Valhalla.Host.Loading;

namespace Valhalla.Host.Events;

/// <summary>
/// Delivers the money events waiting in running packs' outboxes (<see cref="IMoneyEventOutbox"/>) to
/// the pack that exports <see cref="IAuditSink"/>, oldest first, and acknowledges them only once the
/// sink has stored them. Delivery is at least once — a crash between the two repeats a batch — and
/// sinks ignore ids they have, so every event is recorded exactly once. With no sink loaded, events
/// wait; a failing sink or outbox is retried on the next pass.
/// </summary>
internal sealed partial class MoneyEventDispatcher(
    PackHost host, PackExports exports, IOptions<ValhallaOptions> options, TimeProvider time, ILogger<MoneyEventDispatcher> logger) : BackgroundService
{
    public const int BatchSize = 200;

    /// <summary>One pass over every running pack's outbox; returns how many events were delivered.</summary>
    public async Task<int> DeliverAsync(CancellationToken ct)
    {
        if (exports.Find<IAuditSink>() is not { } sink)
        {
            return 0;
        }

        var delivered = 0;
        foreach (var pack in host.Running)
        {
            // Holding the pack's gate keeps it from being disposed under a delivery, as a request would;
            // the host's work does not count against the pack's request limit (it must never cost a client a 503).
            if (!pack.Gate.TryEnterForHost())
            {
                continue;
            }

            try
            {
                if (pack.Services.GetService(typeof(IMoneyEventOutbox)) is IMoneyEventOutbox outbox)
                {
                    delivered += await DrainAsync(outbox, sink, ct);
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogDeliveryFailed(logger, ex, pack.Code);
            }
            finally
            {
                pack.Gate.ExitForHost();
            }
        }

        return delivered;
    }

    /// <summary>How many events wait in each running pack's outbox, by pack code; packs without one are left out.</summary>
    public async Task<IReadOnlyDictionary<string, int>> PendingAsync(CancellationToken ct)
    {
        var pending = new Dictionary<string, int>();
        foreach (var pack in host.Running)
        {
            if (!pack.Gate.TryEnterForHost())
            {
                continue;
            }

            try
            {
                if (pack.Services.GetService(typeof(IMoneyEventOutbox)) is IMoneyEventOutbox outbox)
                {
                    pending[pack.Code] = await outbox.CountAsync(ct);
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogDeliveryFailed(logger, ex, pack.Code);
            }
            finally
            {
                pack.Gate.ExitForHost();
            }
        }

        return pending;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DeliverEvents)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(10, options.Value.EventsPollMs)), time);
        try
        {
            do
            {
                await DeliverAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static async Task<int> DrainAsync(IMoneyEventOutbox outbox, IAuditSink sink, CancellationToken ct)
    {
        var delivered = 0;
        while (true)
        {
            var batch = await outbox.PeekAsync(BatchSize, ct);
            if (batch.Count == 0)
            {
                return delivered;
            }

            await sink.RecordManyAsync(batch, ct);
            await outbox.AcknowledgeAsync([.. batch.Select(e => e.Id!)], ct);
            delivered += batch.Count;
            if (batch.Count < BatchSize)
            {
                return delivered;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Money events of {Pack} could not be delivered now; they stay in its outbox and are retried")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string pack);
}
