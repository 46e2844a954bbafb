namespace Valhalla.Testing;

/// <summary>
/// A clock that starts at a fixed instant and moves one millisecond each time it is read, so that a
/// test's "today" is known and every timestamp the host stamps is distinct and in the order taken.
/// Timers still run on real time.
/// </summary>
public sealed class SteppingTime(DateTimeOffset start) : TimeProvider
{
    private long _reads;

    public override DateTimeOffset GetUtcNow() => start.AddMilliseconds(Interlocked.Increment(ref _reads));
}
