namespace Valhalla.Packs.Kit.Tests;

/// <summary>Tests that use Dapper, whose type handlers and settings are process-wide: one of them resets them, so they run one at a time.</summary>
[CollectionDefinition(nameof(DapperCollection))]
public sealed class DapperCollection;

/// <summary>A test that changes the process's time zone runs alone, after the others.</summary>
[CollectionDefinition(nameof(LocalTimeZoneCollection), DisableParallelization = true)]
public sealed class LocalTimeZoneCollection;
