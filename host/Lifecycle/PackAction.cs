using Valhalla.Contracts.Catalog;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Lifecycle;

/// <summary>The kinds of thing the lifecycle does with a pack.</summary>
internal enum PackActionKind
{
    Keep,
    Start,
    Replace,
    Unload,
    Report,
}

/// <summary>Why the lifecycle does what it does with a pack.</summary>
internal enum ActionReason
{
    /// <summary>Its files are those it runs from.</summary>
    Unchanged,

    /// <summary>A reload of another pack leaves it alone.</summary>
    NotAsked,

    /// <summary>The files in its folder are not valid.</summary>
    InvalidFiles,

    /// <summary>A pack it requires is not running and is not being started.</summary>
    RequiresNotRunning,

    /// <summary>It ended the host's process and its files have not changed since.</summary>
    Quarantined,

    /// <summary>Its start failed on these very files.</summary>
    FailedBefore,

    /// <summary>It is not running and may start.</summary>
    New,

    /// <summary>Its files differ from those it runs from (or last failed on).</summary>
    FilesChanged,

    /// <summary>Its folder was moved or renamed, its files unchanged.</summary>
    Moved,

    /// <summary>An admin reloads it.</summary>
    Reloaded,

    /// <summary>Its folder is gone from the drop folder.</summary>
    FolderGone,

    /// <summary>A pack it requires is no longer running.</summary>
    RequiredPackGone,
}

/// <summary>One step of a lifecycle plan, about one pack.</summary>
internal abstract record PackAction(string Code, ActionReason Reason)
{
    public abstract PackActionKind Kind { get; }
}

/// <summary>Leave <paramref name="Current"/> serving; its report line adds <paramref name="Findings"/>.</summary>
internal sealed record KeepAction(ValidatedPack Pack, RunningPack Current, ActionReason Reason, IReadOnlyList<Finding> Findings)
    : PackAction(Current.Code, Reason)
{
    public override PackActionKind Kind => PackActionKind.Keep;
}

/// <summary>
/// Start the pack from its folder, swapping it in for <paramref name="Replacing"/> when that runs. It starts only
/// once the packs in <paramref name="After"/> (required packs started earlier in the same plan) are running;
/// <paramref name="LiftQuarantine"/>, when set, says why its quarantine is lifted first.
/// </summary>
internal sealed record StartAction(
    ValidatedPack Pack, Loading.PackFingerprint Fingerprint, RunningPack? Replacing, ActionReason Reason,
    IReadOnlyList<string> After, string? LiftQuarantine) : PackAction(Pack.Code, Reason)
{
    public override PackActionKind Kind => Replacing is null ? PackActionKind.Start : PackActionKind.Replace;
}

/// <summary>Unmount and retire <paramref name="Current"/>; <paramref name="Why"/> is logged.</summary>
internal sealed record UnloadAction(RunningPack Current, ActionReason Reason, string Why) : PackAction(Current.Code, Reason)
{
    public override PackActionKind Kind => PackActionKind.Unload;
}

/// <summary>Run nothing for the pack; report it with <paramref name="Status"/> and <paramref name="Findings"/>.</summary>
internal sealed record ReportAction(ValidatedPack Pack, PackStatus Status, ActionReason Reason, IReadOnlyList<Finding> Findings, double LoadMs = 0)
    : PackAction(Pack.Code, Reason)
{
    public override PackActionKind Kind => PackActionKind.Report;
}
