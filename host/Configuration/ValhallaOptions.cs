namespace Valhalla.Host.Configuration;

/// <summary>The <c>Valhalla</c> configuration section.</summary>
public sealed class ValhallaOptions
{
    public const string Section = "Valhalla";

    /// <summary>Root of runtime state: pack databases and reports. Relative paths are from the content root.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>The drop folder scanned for packs. Relative paths are from the content root.</summary>
    public string PacksPath { get; set; } = "data/packs";

    /// <summary>When true, any validation or load error stops the host before it serves.</summary>
    public bool Strict { get; set; }

    /// <summary>
    /// When true (the default), the host watches the drop folder and adds, replaces and removes packs
    /// while it runs. When false, packs change only on restart or when a pack is reloaded (<see cref="Contracts.Catalog.IPackCatalog.ReloadAsync"/>).
    /// </summary>
    public bool Watch { get; set; } = true;

    /// <summary>How long the drop folder must stay unchanged before the host acts on a change, in milliseconds.</summary>
    public int WatchQuietMs { get; set; } = 250;

    /// <summary>The largest request body accepted, in bytes (1 MB); larger ones are answered 413 before they are read.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// When true (the default), the host delivers the money events waiting in packs' outboxes to the
    /// pack that exports the audit sink. When false, events wait in the outboxes (for maintenance).
    /// </summary>
    public bool DeliverEvents { get; set; } = true;

    /// <summary>How often the host looks for money events to deliver, in milliseconds.</summary>
    public int EventsPollMs { get; set; } = 200;

    /// <summary>
    /// How long the host waits for one call into a pack's code (its constructor, GetMigrations and
    /// migrations, ConfigureServices, MapRoutes, the Dispose of its services), in milliseconds.
    /// </summary>
    public int PackCallTimeoutMs { get; set; } = 30_000;

    /// <summary>How many requests one pack may handle at once; more answer 503 with Retry-After. 0: no limit.</summary>
    public int PackConcurrencyLimit { get; set; } = 64;

    /// <summary>How long a request to a pack may run before it is cancelled and answered 504, in milliseconds. 0: no limit.</summary>
    public int PackRequestTimeoutMs { get; set; } = 30_000;
}
