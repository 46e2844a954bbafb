namespace Valhalla.Host.Lifecycle;

/// <summary>What asked for a pass over the drop folder.</summary>
internal enum LifecycleTrigger
{
    /// <summary>The host starts: nothing runs yet.</summary>
    StartUp,

    /// <summary>Something in the drop folder changed.</summary>
    Change,

    /// <summary>An admin reloads one pack, even if its files look unchanged.</summary>
    Reload,
}

/// <summary>What the host was asked to do; <paramref name="Reloaded"/> is the pack's code for a reload.</summary>
internal sealed record LifecycleRequest(LifecycleTrigger Trigger, string? Reloaded = null)
{
    public static LifecycleRequest StartUp { get; } = new(LifecycleTrigger.StartUp);

    public static LifecycleRequest Change { get; } = new(LifecycleTrigger.Change);

    public static LifecycleRequest Reload(string code) => new(LifecycleTrigger.Reload, code);
}
