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
}
