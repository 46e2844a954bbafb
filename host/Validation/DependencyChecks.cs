using Valhalla.Contracts.Catalog;

namespace Valhalla.Host.Validation;

/// <summary>
/// Checks <c>requires</c> across packs and orders the valid packs so each loads after what it requires.
/// A pack whose requirement is missing, invalid or part of a cycle is itself not loadable.
/// </summary>
internal static class DependencyChecks
{
    /// <param name="requires">For each pack with a readable manifest: its code and required codes.</param>
    /// <param name="invalid">Codes already known to be invalid for other reasons.</param>
    /// <param name="present">Every code in the drop folder, including ones left out of <paramref name="requires"/> (duplicates).</param>
    /// <param name="first">Codes to start before the others where requirements allow (the packs that were serving,
    /// so that they take their endpoint names before a newcomer can).</param>
    /// <returns>Findings per code, and the loadable codes in load order.</returns>
    public static (Dictionary<string, List<Finding>> Findings, List<string> Order) Check(
        IReadOnlyDictionary<string, IReadOnlyList<string>> requires, IReadOnlySet<string> invalid, IReadOnlySet<string> present,
        IReadOnlySet<string>? first = null)
    {
        var findings = requires.Keys.ToDictionary(code => code, _ => new List<Finding>());
        var notLoadable = new HashSet<string>(invalid);

        foreach (var cycle in FindCycles(requires))
        {
            foreach (var code in cycle.Distinct())
            {
                findings[code].Add(ManifestChecks.Error(code, FindingCodes.RequiresCycle, "The pack's requirements form a cycle.",
                    $"requires makes a cycle: {string.Join(" -> ", cycle)}. Remove one of these requirements."));
                notLoadable.Add(code);
            }
        }

        // Propagate until nothing changes: a pack that requires an unloadable pack is unloadable too.
        bool changed;
        do
        {
            changed = false;
            foreach (var (code, required) in requires.Where(r => !notLoadable.Contains(r.Key)))
            {
                var missing = required.FirstOrDefault(r => !requires.ContainsKey(r) || notLoadable.Contains(r));
                if (missing is null)
                {
                    continue;
                }

                var why = present.Contains(missing) ? "is in the drop folder but is not valid (see its errors)" : "is not in the drop folder";
                findings[code].Add(ManifestChecks.Error(code, FindingCodes.RequiresUnsatisfied, "A required pack is not available.",
                    $"requires '{missing}', which {why}. Add or fix {missing}, or remove it from requires."));
                notLoadable.Add(code);
                changed = true;
            }
        }
        while (changed);

        return (findings, Order(requires, notLoadable, first ?? new HashSet<string>()));
    }

    private static List<string> Order(IReadOnlyDictionary<string, IReadOnlyList<string>> requires, HashSet<string> notLoadable, IReadOnlySet<string> first)
    {
        var pending = requires.Keys.Where(code => !notLoadable.Contains(code)).ToHashSet();
        var order = new List<string>();
        while (pending.Count > 0)
        {
            // Ties load the packs that were serving first, then in code order, so the order is the same on every machine.
            var next = pending.Where(code => requires[code].All(r => !pending.Contains(r)))
                .OrderBy(code => !first.Contains(code)).ThenBy(code => code, StringComparer.Ordinal).First();
            order.Add(next);
            pending.Remove(next);
        }

        return order;
    }

    private static List<List<string>> FindCycles(IReadOnlyDictionary<string, IReadOnlyList<string>> requires)
    {
        var cycles = new List<List<string>>();
        var done = new HashSet<string>();
        var path = new List<string>();

        void Visit(string code)
        {
            var at = path.IndexOf(code);
            if (at >= 0)
            {
                cycles.Add([.. path[at..], code]);
                return;
            }

            if (!done.Add(code))
            {
                return;
            }

            path.Add(code);
            foreach (var required in requires[code].Where(requires.ContainsKey))
            {
                Visit(required);
            }

            path.RemoveAt(path.Count - 1);
        }

        foreach (var code in requires.Keys.Order(StringComparer.Ordinal))
        {
            Visit(code);
        }

        return cycles;
    }
}
