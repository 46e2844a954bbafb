namespace Valhalla.Host.Loading;

/// <summary>How unloading a pack ended.</summary>
/// <param name="Code">The pack's code.</param>
/// <param name="Version">The version that was unloaded.</param>
/// <param name="Unloaded">True when the garbage collector freed its load context; false when something still holds it (a leak).</param>
/// <param name="Drained">False when in-flight requests were still running when the drain timeout passed.</param>
public sealed record UnloadOutcome(string Code, string Version, bool Unloaded, bool Drained);
