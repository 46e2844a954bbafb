namespace Valhalla.Host.Loading;

/// <summary>
/// How starting a pack ended: it runs (<paramref name="Loaded"/>), its code failed (<paramref name="Failure"/>),
/// or its files were still changing and nothing of it ran (<paramref name="StillChanging"/> says how).
/// </summary>
internal sealed record StartResult(LoadedPack? Loaded, FailedStart? Failure, string? StillChanging);
