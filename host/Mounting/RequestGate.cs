namespace Valhalla.Host.Mounting;

/// <summary>
/// Counts what runs inside a pack: its in-flight requests, and the host's own work in it (delivering
/// its money events). Retiring a pack closes its gate: nothing enters after that, and
/// <see cref="CloseAsync"/> completes when the last one already inside has finished. Requests alone
/// count against the pack's concurrency limit, so one pack's slow handlers cannot take every thread
/// and connection of the host, and the host's work never takes a request's place.
/// </summary>
internal sealed class RequestGate
{
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private int _requests;
    private bool _closed;

    /// <summary>Enters the gate for the host's own work in the pack, whatever the limit; false once it is closed. Leave with <see cref="ExitForHost"/>.</summary>
    public bool TryEnterForHost()
    {
        lock (_lock)
        {
            if (_closed)
            {
                return false;
            }

            _inFlight++;
            return true;
        }
    }

    /// <summary>Enters the gate for a request unless it is closed or <paramref name="limit"/> requests (0: no limit) are already inside. Leave with <see cref="Exit"/>.</summary>
    public GateEntry TryEnter(int limit)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return GateEntry.Closed;
            }

            if (limit > 0 && _requests >= limit)
            {
                return GateEntry.Full;
            }

            _requests++;
            _inFlight++;
            return GateEntry.Entered;
        }
    }

    /// <summary>A request leaves the gate.</summary>
    public void Exit()
    {
        lock (_lock)
        {
            _requests--;
            Leave();
        }
    }

    /// <summary>The host's work leaves the gate.</summary>
    public void ExitForHost()
    {
        lock (_lock)
        {
            Leave();
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

    private void Leave()
    {
        _inFlight--;
        if (_closed && _inFlight == 0)
        {
            _drained.TrySetResult();
        }
    }
}
