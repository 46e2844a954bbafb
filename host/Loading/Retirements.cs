using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace Valhalla.Host.Loading;

/// <summary>The unloads the host has started, kept (the latest <see cref="Kept"/>) so their outcomes can be shown and awaited.</summary>
internal sealed class Retirements(Action flushHostCaches, ILogger logger)
{
    private const int Kept = 100;

    private ImmutableList<Task<UnloadOutcome>> _unloads = [];

    /// <summary>The latest unloads that have finished, oldest first.</summary>
    public IReadOnlyList<UnloadOutcome> Finished => [.. _unloads.Where(u => u.IsCompletedSuccessfully).Select(u => u.Result)];

    /// <summary>Every unload kept so far.</summary>
    public Task<UnloadOutcome[]> AllAsync() => Task.WhenAll(_unloads);

    /// <summary>
    /// Unloads a pack already unmounted. Unloading waits for the pack's in-flight requests, which may include
    /// the request that asked for the change (a reload of the registry, say): it runs on its own, not inside
    /// the change. Started on the pool: disposing runs the pack's own code, which must never run on the change.
    /// </summary>
    public void Retire(PackRuntime runtime) =>
        Keep(Task.Run(() => PackRetirement.RetireAsync(runtime, flushHostCaches, logger)));

    /// <summary>A pack left behind without unloading (a thread stuck in its code holds its load context).</summary>
    public void Abandoned(UnloadOutcome outcome) => Keep(Task.FromResult(outcome));

    private void Keep(Task<UnloadOutcome> unload)
    {
        var kept = _unloads;
        while (kept.Count >= Kept && kept.FindIndex(u => u.IsCompleted) is var oldest and >= 0)
        {
            kept = kept.RemoveAt(oldest);
        }

        _unloads = kept.Add(unload);
    }
}
