using Valhalla.Host.Validation;

namespace Valhalla.Host.Loading;

/// <summary>
/// Which packs one pass over the drop folder may start, replace or unload: all of them, or — for a
/// reload — the reloaded pack and the packs that require it, directly or not.
/// </summary>
internal sealed class ChangeScope
{
    private readonly Dictionary<string, IReadOnlyList<string>> _requires = [];

    public ChangeScope(string? reloaded, IReadOnlyList<ValidatedPack> packs, IEnumerable<PackRuntime> running)
    {
        Reloaded = reloaded;
        foreach (var manifest in packs.Select(p => p.Pack.Manifest).OfType<Contracts.PackManifest>().Concat(running.Select(r => r.Manifest)))
        {
            _requires.TryAdd(manifest.Code, manifest.Requires);
        }
    }

    /// <summary>The pack being reloaded, or null when the whole drop folder is reconciled.</summary>
    public string? Reloaded { get; }

    public bool Includes(string code) => Reloaded is null || code == Reloaded || Requires(code, Reloaded, []);

    private bool Requires(string code, string target, HashSet<string> seen) =>
        seen.Add(code)
        && _requires.TryGetValue(code, out var required)
        && required.Any(r => r == target || Requires(r, target, seen));
}
