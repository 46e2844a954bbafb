using Valhalla.Host.Validation;

namespace Valhalla.Host.Lifecycle;

/// <summary>Finds, for each pack folder in the drop folder, the running pack that came from it.</summary>
internal static class PackMatching
{
    /// <summary>
    /// Pairs running packs with the folders they were loaded from: the same code in the same folder,
    /// or in a new folder when the old one is gone (a moved pack), or the same folder when its
    /// manifest cannot be read right now (a pack.json being rewritten).
    /// </summary>
    public static Dictionary<ValidatedPack, RunningPack> Match(IReadOnlyList<RunningPack> running, IReadOnlyList<ValidatedPack> packs)
    {
        var folders = packs.Select(p => p.Pack.Folder).ToHashSet();
        var matches = new Dictionary<ValidatedPack, RunningPack>();
        foreach (var pack in packs)
        {
            var runtime = pack.Pack.Manifest is null
                ? running.FirstOrDefault(r => r.Folder == pack.Pack.Folder)
                : running.FirstOrDefault(r => r.Code == pack.Code && (r.Folder == pack.Pack.Folder || !folders.Contains(r.Folder)));
            if (runtime is not null && !matches.ContainsValue(runtime))
            {
                matches[pack] = runtime;
            }
        }

        return matches;
    }
}
