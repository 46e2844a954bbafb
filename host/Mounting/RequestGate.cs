namespace Valhalla.Host.Mounting;

/// <summary>
/// Counts a pack's in-flight requests. Retiring a pack closes its gate: no request enters after
/// that, and <see cref="CloseAsync"/> completes when the last one already inside has finished.
/// The same count holds the pack to its concurrency limit, so one pack's slow handlers cannot take
/// every thread and connection of the host.
/// </summary>
internal sealed class RequestGate
{
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private bool _closed;

    /// <summary>Enters the gate; false once it is closed.</summary>
    public bool TryEnter() => TryEnter(limit: 0) == GateEntry.Entered;

    /// <summary>Enters the gate unless it is closed or <paramref name="limit"/> requests (0: no limit) are already inside.</summary>
    public GateEntry TryEnter(int limit)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return GateEntry.Closed;
            }

            if (limit > 0 && _inFlight >= limit)
            {
                return GateEntry.Full;
            }

            _inFlight++;
            return GateEntry.Entered;
        }
    }

    public void Exit()
    {
        lock (_lock)
        {
            _inFlight--;
            if (_closed && _inFlight == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>Closes the gate; the task completes when no request is inside any more.</summary>
    public Task CloseAsync()
    {
        lock (_lock)
        {
            _closed = true;
            if (_inFlight == 0)
            {
                _drained.TrySetResult();
            }
        }

        return _drained.Task;
    }
}
