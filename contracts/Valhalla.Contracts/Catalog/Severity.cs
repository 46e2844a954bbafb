namespace Valhalla.Contracts.Catalog;

/// <summary>How serious a validation finding is.</summary>
public enum Severity
{
    /// <summary>The pack is not loaded.</summary>
    Error,

    /// <summary>The pack loads; something deserves attention (e.g. a data file created on first use).</summary>
    Warning,
}
