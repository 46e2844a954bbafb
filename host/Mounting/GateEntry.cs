namespace Valhalla.Host.Mounting;

/// <summary>What happened when a request tried to enter a pack's <see cref="RequestGate"/>.</summary>
internal enum GateEntry
{
    /// <summary>In: the request runs and must call <see cref="RequestGate.Exit"/>.</summary>
    Entered,

    /// <summary>The pack is retiring: the request goes to its replacement, if any.</summary>
    Closed,

    /// <summary>The pack already runs as many requests as it may: the request is refused (503).</summary>
    Full,
}
