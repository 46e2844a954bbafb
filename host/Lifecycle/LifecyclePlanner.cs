using Valhalla.Contracts.Catalog;
using Valhalla.Host.Loading;
using Valhalla.Host.Quarantine;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Lifecycle;

/// <summary>
/// Decides what to do with every pack — keep, start, replace, unload or only report — from what is in
/// the drop folder, what runs and what was asked. Pure: <see cref="LifecycleExecutor"/> carries the plan out.
/// </summary>
/// <remarks>
/// The rules: a pack whose folder is gone is unloaded, and so is every pack that requires an unloaded
/// one; a running pack whose files are unchanged is kept, one whose files changed is replaced (its old
/// copy keeps serving when the new files are invalid, need a pack that is not running, or failed to start
/// before); a new valid pack starts once the packs it requires run; a start that failed is not retried
/// on the same files; a quarantined pack is skipped until its files change; a reload restarts one pack
/// (and the packs that require it) regardless of its files, lifting its quarantine and its failed start.
/// </remarks>
internal static class LifecyclePlanner
{
    /// <summary>True when nothing needs doing: a change in the drop folder that left every pack folder's files as they were.</summary>
    public static bool NothingChanged(
        LifecycleRequest request, IReadOnlyDictionary<string, PackFingerprint>? seen, IReadOnlyDictionary<string, PackFingerprint> now) =>
        request.Trigger == LifecycleTrigger.Change && seen is not null && seen.Count == now.Count
        && now.All(f => seen.TryGetValue(f.Key, out var before) && before == f.Value);

    /// <summary>
    /// The plan: unloads first (dependents before what they require), then one action per pack folder, in the
    /// order of <see cref="LifecycleInput.Packs"/>.
    /// </summary>
    public static IReadOnlyList<PackAction> Plan(LifecycleInput input)
    {
        var scope = new ReloadScope(input.Request.Reloaded, input.Packs, input.Running);
        var matches = PackMatching.Match(input.Running, input.Packs);
        var running = input.Running.ToList();
        var plan = new List<PackAction>();
        foreach (var gone in input.Running.Reverse().Where(r => !matches.ContainsValue(r) && scope.Includes(r.Code)))
        {
            running.Remove(gone);
            plan.Add(new UnloadAction(gone, ActionReason.FolderGone, "its folder is gone from the drop folder"));
        }

        // A pack cannot run without the packs it requires: it goes with them, and comes back when they do.
        while (running.LastOrDefault(r => Missing(r.Manifest.Requires, running.Select(o => o.Code)) is not null) is { } orphan)
        {
            running.Remove(orphan);
            plan.Add(new UnloadAction(orphan, ActionReason.RequiredPackGone,
                $"it requires {Missing(orphan.Manifest.Requires, running.Select(o => o.Code))}, which is no longer loaded"));
        }

        var willRun = running.Select(r => r.Code).ToHashSet();
        var starting = new HashSet<string>();
        foreach (var pack in input.Packs)
        {
            var current = matches.GetValueOrDefault(pack) is { } matched && running.Contains(matched) ? matched : null;
            var action = Settle(input, pack, current, scope, willRun, starting);
            if (action is StartAction { Replacing: null })
            {
                willRun.Add(pack.Code);
                starting.Add(pack.Code);
            }

            plan.Add(action);
        }

        return plan;
    }

    private static PackAction Settle(
        LifecycleInput input, ValidatedPack pack, RunningPack? current, ReloadScope scope, HashSet<string> willRun, HashSet<string> starting)
    {
        if (!pack.IsValid)
        {
            return current is null
                ? new ReportAction(pack, PackStatus.Skipped, ActionReason.InvalidFiles, [])
                : Keep(pack, current, ActionReason.InvalidFiles, [], "the files now in its folder are not valid");
        }

        var fingerprint = input.Fingerprints[pack.Pack.Folder];
        var reloading = input.Request.Reloaded == pack.Code;
        var unchanged = current is not null && current.Fingerprint == fingerprint && current.Folder == pack.Pack.Folder;
        if (unchanged && !reloading)
        {
            return new KeepAction(pack, current!, ActionReason.Unchanged, []);
        }

        input.Failed.TryGetValue(pack.Code, out var failed);
        if (!scope.Includes(pack.Code))
        {
            return current is not null ? new KeepAction(pack, current, ActionReason.NotAsked, [])
                : failed is not null ? Failed(pack, failed)
                : new ReportAction(pack, PackStatus.Valid, ActionReason.NotAsked, []);
        }

        if (Missing(pack.Pack.Manifest!.Requires, willRun) is { } missing)
        {
            var notRunning = LifecycleFindings.RequiresNotLoaded(pack.Code, missing);
            return current is null
                ? new ReportAction(pack, PackStatus.Skipped, ActionReason.RequiresNotRunning, [notRunning])
                : Keep(pack, current, ActionReason.RequiresNotRunning, [notRunning], $"its new files require {missing}, which is not running");
        }

        var held = QuarantineRules.Holding(input.Quarantine, pack.Code, fingerprint.Hash);
        if (!reloading && current is null && held is not null)
        {
            return new ReportAction(pack, PackStatus.Skipped, ActionReason.Quarantined, [LifecycleFindings.Quarantined(held)]);
        }

        if (!reloading && failed is not null && failed.Fingerprint == fingerprint)
        {
            return current is null ? Failed(pack, failed) : Keep(pack, current, ActionReason.FailedBefore, [failed.Finding], "its new files failed to start");
        }

        var reason = reloading ? ActionReason.Reloaded
            : current is null ? failed is null ? ActionReason.New : ActionReason.FilesChanged
            : current.Fingerprint == fingerprint ? ActionReason.Moved
            : ActionReason.FilesChanged;
        var lift = reloading ? "an admin reloaded it"
            : held is null && input.Quarantine.Quarantined.Any(q => q.Code == pack.Code) ? "its files changed"
            : null;
        return new StartAction(pack, fingerprint, current, reason, [.. pack.Pack.Manifest.Requires.Where(starting.Contains)], lift);
    }

    private static KeepAction Keep(ValidatedPack pack, RunningPack current, ActionReason reason, IReadOnlyList<Finding> findings, string why) =>
        new(pack, current, reason, [.. findings, LifecycleFindings.PreviousCopyServing(current, why)]);

    private static ReportAction Failed(ValidatedPack pack, FailedStart failed) =>
        new(pack, PackStatus.Failed, ActionReason.FailedBefore, [failed.Finding], failed.LoadMs);

    private static string? Missing(IEnumerable<string> requires, IEnumerable<string> running) =>
        requires.FirstOrDefault(code => !running.Contains(code));
}
