using Valhalla.Contracts;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Lifecycle;

/// <summary>
/// Which packs one pass may start, replace or unload: all of them, or — for a reload — the reloaded
/// pack and the packs that require it, directly or not.
/// </summary>
internal sealed class ReloadScope
{
    private readonly string? _reloaded;
    private readonly Dictionary<string, IReadOnlyList<string>> _requires = [];

    public ReloadScope(string? reloaded, IReadOnlyList<ValidatedPack> packs, IEnumerable<RunningPack> running)
    {
        _reloaded = reloaded;
        foreach (var manifest in packs.Select(p => p.Pack.Manifest).OfType<PackManifest>().Concat(running.Select(r => r.Manifest)))
        {
            _requires.TryAdd(manifest.Code, manifest.Requires);
        }
    }

    public bool Includes(string code) => _reloaded is null || code == _reloaded || Requires(code, _reloaded, []);

    private bool Requires(string code, string target, HashSet<string> seen) =>
        seen.Add(code)
        && _requires.TryGetValue(code, out var required)
        && required.Any(r => r == target || Requires(r, target, seen));
}
