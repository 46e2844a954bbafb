namespace Valhalla.Contracts.Catalog;

/// <summary>What the host found and did for one pack.</summary>
/// <param name="Code">The pack's code, or its folder name when the manifest could not be read.</param>
/// <param name="Folder">The pack folder, relative to the drop folder.</param>
/// <param name="Status">Loaded, failed or skipped.</param>
/// <param name="LoadMs">Milliseconds spent loading, migrating and mounting it.</param>
/// <param name="Routes">The routes mounted, e.g. <c>GET /core/budget/buckets</c>.</param>
/// <param name="Findings">Errors and warnings about the pack.</param>
/// <param name="Manifest">The manifest, when it could be read.</param>
public sealed record PackReport(
    string Code,
    string Folder,
    PackStatus Status,
    double LoadMs,
    IReadOnlyList<string> Routes,
    IReadOnlyList<Finding> Findings,
    PackManifest? Manifest)
{
    /// <summary>The findings of severity error.</summary>
    public IEnumerable<Finding> Errors => Findings.Where(f => f.Severity == Severity.Error);

    /// <summary>The findings of severity warning.</summary>
    public IEnumerable<Finding> Warnings => Findings.Where(f => f.Severity == Severity.Warning);
}
