namespace Valhalla.Contracts.Catalog;

/// <summary>
/// The stable codes of the host's findings (<see cref="Finding.Code"/>): pack authors' CI and tools may match
/// on them. <see cref="FieldOf"/> names the manifest field each is about.
/// </summary>
public static class FindingCodes
{
    /// <summary><c>pack.json</c> cannot be read or is not JSON.</summary>
    public const string ManifestUnreadable = "manifest_unreadable";

    /// <summary><c>pack.json</c> does not match the manifest schema.</summary>
    public const string ManifestInvalid = "manifest_invalid";

    /// <summary><c>pack.json</c> has a field the manifest does not know.</summary>
    public const string ManifestUnknownField = "manifest_unknown_field";

    /// <summary>The <c>code</c> is not a valid pack code.</summary>
    public const string CodeInvalid = "code_invalid";

    /// <summary>Another pack folder claims the same <c>code</c>.</summary>
    public const string CodeDuplicate = "code_duplicate";

    /// <summary>The <c>version</c> is not a valid version.</summary>
    public const string VersionInvalid = "version_invalid";

    /// <summary>The <c>module</c> assembly is not in the pack folder.</summary>
    public const string ModuleMissing = "module_missing";

    /// <summary>The <c>module</c> assembly cannot be read as a .NET assembly.</summary>
    public const string ModuleUnreadable = "module_unreadable";

    /// <summary>The <c>router_symbol</c> type is not in the module.</summary>
    public const string EntryTypeMissing = "entry_type_missing";

    /// <summary>The <c>router_symbol</c> type is not public.</summary>
    public const string EntryTypeNotPublic = "entry_type_not_public";

    /// <summary>The <c>router_symbol</c> type is abstract.</summary>
    public const string EntryTypeAbstract = "entry_type_abstract";

    /// <summary>The <c>router_symbol</c> type does not implement <see cref="IPack"/>.</summary>
    public const string EntryTypeNotIPack = "entry_type_not_ipack";

    /// <summary>The <c>router_symbol</c> type has no public parameterless constructor.</summary>
    public const string EntryTypeNoDefaultConstructor = "entry_type_no_default_constructor";

    /// <summary>The <c>contracts</c> version cannot be read.</summary>
    public const string ContractsInvalid = "contracts_invalid";

    /// <summary>The <c>contracts</c> major version differs from the host's.</summary>
    public const string ContractsMajorMismatch = "contracts_major_mismatch";

    /// <summary>The <c>contracts</c> minor version is newer than the host's.</summary>
    public const string ContractsMinorNewer = "contracts_minor_newer";

    /// <summary>The pack folder carries its own copy of Valhalla.Contracts.</summary>
    public const string ShipsContracts = "ships_contracts";

    /// <summary>The pack folder carries its own SQLite provider.</summary>
    public const string ShipsSqliteProvider = "ships_sqlite_provider";

    /// <summary>A code in <c>requires</c> names no pack in the drop folder.</summary>
    public const string RequiresUnsatisfied = "requires_unsatisfied";

    /// <summary>The packs' <c>requires</c> form a cycle.</summary>
    public const string RequiresCycle = "requires_cycle";

    /// <summary>A data path is empty or not a valid path.</summary>
    public const string DataPathInvalid = "data_path_invalid";

    /// <summary>A data path is absolute; it must be relative to the data root.</summary>
    public const string DataPathAbsolute = "data_path_absolute";

    /// <summary>A data path leads outside the data root.</summary>
    public const string DataPathEscapesRoot = "data_path_escapes_root";

    /// <summary>A data path lies inside the drop folder.</summary>
    public const string DataPathInDropFolder = "data_path_in_drop_folder";

    /// <summary>A data path is the same file as another pack's (or a side file of it).</summary>
    public const string DataPathDuplicate = "data_path_duplicate";

    /// <summary>A data path's folder cannot be written.</summary>
    public const string DataPathNotWritable = "data_path_not_writable";

    /// <summary>A data path is a file or folder the host owns (reports, keys, backups…).</summary>
    public const string DataPathHostOwned = "data_path_host_owned";

    /// <summary>A data file does not exist yet; it is created on first use (a warning).</summary>
    public const string DataFileMissing = "data_file_missing";

    /// <summary>The <c>route_prefix</c> is not a well-formed prefix.</summary>
    public const string RoutePrefixInvalid = "route_prefix_invalid";

    /// <summary>The <c>route_prefix</c> overlaps another pack's or the host's routes.</summary>
    public const string RoutePrefixOverlap = "route_prefix_overlap";

    /// <summary>A page in <c>pages</c> has a path outside the pack's <c>route_prefix</c>, a <c>.</c> or <c>..</c> segment, or is listed twice.</summary>
    public const string PagePathInvalid = "page_path_invalid";

    /// <summary>A page in <c>pages</c> has an empty, too long or multi-line <c>title</c>.</summary>
    public const string PageTitleInvalid = "page_title_invalid";

    /// <summary>A pack in <c>requires</c> is valid but not running, so the pack was not started.</summary>
    public const string RequiresNotLoaded = "requires_not_loaded";

    /// <summary>Another pack already exports the same service; this pack's export is not used (a warning).</summary>
    public const string ExportConflict = "export_conflict";

    /// <summary>The pack's files changed while the host copied them; it is loaded once they settle (a warning).</summary>
    public const string FilesChanging = "files_changing";

    /// <summary>The pack's new files could not replace it, so its earlier copy keeps serving (a warning).</summary>
    public const string PreviousCopyServing = "previous_copy_serving";

    /// <summary>The pack mapped a route outside its route prefix.</summary>
    public const string RouteOutsidePrefix = "route_outside_prefix";

    /// <summary>The pack names an endpoint as the host or another pack already does.</summary>
    public const string EndpointNameConflict = "endpoint_name_conflict";

    /// <summary>A call into the pack's code did not return within the host's deadline.</summary>
    public const string PackCallTimeout = "pack_call_timeout";

    /// <summary>The pack ended the host's process and is held back until its files change or an admin reloads it.</summary>
    public const string PackQuarantined = "pack_quarantined";

    /// <summary>The pack's assembly or entry type failed to load (its constructor threw, say).</summary>
    public const string PackLoadFailed = "pack_load_failed";

    /// <summary>The pack's <c>ConfigureServices</c> threw.</summary>
    public const string PackConfigureFailed = "pack_configure_failed";

    /// <summary>A service the pack exports could not be resolved.</summary>
    public const string PackExportFailed = "pack_export_failed";

    /// <summary>The pack's <c>MapRoutes</c> threw or mapped a route twice.</summary>
    public const string PackRoutesFailed = "pack_routes_failed";

    /// <summary>A data file could not be opened or one of its migrations failed.</summary>
    public const string MigrationFailed = "migration_failed";

    /// <summary>
    /// The manifest field (its snake_case name, as in <c>pack.json</c>) a finding with <paramref name="code"/> is
    /// about, or null when it is about the manifest as a whole, the pack folder or the pack's code.
    /// </summary>
    public static string? FieldOf(string code) => code switch
    {
        CodeInvalid or CodeDuplicate => "code",
        VersionInvalid => "version",
        ModuleMissing or ModuleUnreadable => "module",
        EntryTypeMissing or EntryTypeNotPublic or EntryTypeAbstract or EntryTypeNotIPack or EntryTypeNoDefaultConstructor => "router_symbol",
        ContractsInvalid or ContractsMajorMismatch or ContractsMinorNewer => "contracts",
        RequiresUnsatisfied or RequiresCycle or RequiresNotLoaded => "requires",
        DataPathInvalid or DataPathAbsolute or DataPathEscapesRoot or DataPathInDropFolder or DataPathDuplicate
            or DataPathNotWritable or DataPathHostOwned or DataFileMissing => "data_paths",
        RoutePrefixInvalid or RoutePrefixOverlap => "route_prefix",
        PagePathInvalid or PageTitleInvalid => "pages",
        _ => null,
    };
}
