namespace Valhalla.Contracts.Catalog;

/// <summary>What the host did with a pack.</summary>
public enum PackStatus
{
    /// <summary>Validated, loaded, migrated and mounted: its routes answer.</summary>
    Loaded,

    /// <summary>Passed validation but threw while loading, migrating or configuring.</summary>
    Failed,

    /// <summary>Not loaded: it failed validation, or a pack it requires is not loaded.</summary>
    Skipped,

    /// <summary>Passed validation and was not loaded: the report of an offline <c>validate</c> run.</summary>
    Valid,

    /// <summary>Known to the registry only: no folder for it in the drop folder.</summary>
    Registered,
}
