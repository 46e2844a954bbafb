namespace Valhalla.Host.Quarantine;

/// <summary>A pack whose start-up code was running (written before it runs, removed once it returns).</summary>
/// <param name="Fingerprint">The hash of its files (<see cref="Loading.PackFingerprint.Hash"/>).</param>
internal sealed record StartingPack(string Code, string Version, string Fingerprint, DateTimeOffset Since);

/// <summary>A time a running pack ended the host's process (an unhandled exception in its code, say).</summary>
internal sealed record PackCrash(string Code, string Fingerprint, DateTimeOffset At, string What);

/// <summary>A pack the host does not start until its files change or an admin reloads it.</summary>
internal sealed record QuarantinedPack(string Code, string Fingerprint, DateTimeOffset Since, string Reason);

/// <summary>What the host remembers across restarts about packs that ended its process.</summary>
internal sealed record QuarantineState(IReadOnlyList<QuarantinedPack> Quarantined, IReadOnlyList<PackCrash> Crashes)
{
    public static QuarantineState Empty { get; } = new([], []);
}
