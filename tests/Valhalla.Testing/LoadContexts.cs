using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace Valhalla.Testing;

/// <summary>Finds pack load contexts in the test process, weakly, to prove that an unloaded pack is collected.</summary>
public static class LoadContexts
{
    /// <summary>
    /// Weak references to the collectible contexts that loaded an assembly from a path containing
    /// <paramref name="pathPart"/> (a pack folder name unique to the test: the host loads each pack
    /// from a private copy named after its folder). Not inlined, so no strong reference outlives the call.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IReadOnlyList<WeakReference> LoadedFrom(string pathPart) =>
        [.. AssemblyLoadContext.All
            .Where(c => c.IsCollectible && c.Assemblies.Any(a => a.Location.Contains(pathPart, StringComparison.Ordinal)))
            .Select(c => new WeakReference(c))];

    /// <summary>True when a full collection leaves every one of <paramref name="contexts"/> dead.</summary>
    public static bool AllCollected(IEnumerable<WeakReference> contexts)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return contexts.All(c => !c.IsAlive);
    }
}
