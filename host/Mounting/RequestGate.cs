namespace Valhalla.Host.Mounting;

/// <summary>
/// Counts a pack's in-flight requests. Retiring a pack closes its gate: no request enters after
/// that, and <see cref="CloseAsync"/> completes when the last one already inside has finished.
/// </summary>
internal sealed class RequestGate
{
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private bool _closed;

    /// <summary>Enters the gate; false once it is closed.</summary>
    public bool TryEnter()
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
