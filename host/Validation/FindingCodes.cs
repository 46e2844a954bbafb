namespace Valhalla.Host.Validation;

/// <summary>The stable codes of validation findings; pack authors' CI may match on them.</summary>
public static class FindingCodes
{
    public const string ManifestUnreadable = "manifest_unreadable";
    public const string ManifestInvalid = "manifest_invalid";
    public const string ManifestUnknownField = "manifest_unknown_field";
    public const string CodeInvalid = "code_invalid";
    public const string CodeDuplicate = "code_duplicate";
    public const string VersionInvalid = "version_invalid";
    public const string ModuleMissing = "module_missing";
    public const string ModuleUnreadable = "module_unreadable";
    public const string EntryTypeMissing = "entry_type_missing";
    public const string EntryTypeNotPublic = "entry_type_not_public";
    public const string EntryTypeAbstract = "entry_type_abstract";
    public const string EntryTypeNotIPack = "entry_type_not_ipack";
    public const string EntryTypeNoDefaultConstructor = "entry_type_no_default_constructor";
    public const string ContractsInvalid = "contracts_invalid";
    public const string ContractsMajorMismatch = "contracts_major_mismatch";
    public const string ShipsContracts = "ships_contracts";
    public const string ShipsSqliteProvider = "ships_sqlite_provider";
    public const string RequiresUnsatisfied = "requires_unsatisfied";
    public const string RequiresCycle = "requires_cycle";
    public const string DataPathInvalid = "data_path_invalid";
    public const string DataPathAbsolute = "data_path_absolute";
    public const string DataPathEscapesRoot = "data_path_escapes_root";
    public const string DataPathInDropFolder = "data_path_in_drop_folder";
    public const string DataPathDuplicate = "data_path_duplicate";
    public const string DataPathNotWritable = "data_path_not_writable";
    public const string DataPathHostOwned = "data_path_host_owned";
    public const string DataFileMissing = "data_file_missing";
    public const string RoutePrefixInvalid = "route_prefix_invalid";
    public const string RoutePrefixOverlap = "route_prefix_overlap";
    public const string ContractsMinorNewer = "contracts_minor_newer";
    public const string PagePathInvalid = "page_path_invalid";
    public const string PageTitleInvalid = "page_title_invalid";

    // Found while starting a valid pack, or while the host runs.
    public const string RequiresNotLoaded = "requires_not_loaded";
    public const string ExportConflict = "export_conflict";
    public const string FilesChanging = "files_changing";
    public const string PreviousCopyServing = "previous_copy_serving";
    public const string RouteOutsidePrefix = "route_outside_prefix";
    public const string EndpointNameConflict = "endpoint_name_conflict";
    public const string PackCallTimeout = "pack_call_timeout";
    public const string PackQuarantined = "pack_quarantined";
}
