namespace Valhalla.Host.Mounting;

/// <summary>
/// Marks an endpoint as a pack's, so its requests run in a scope of the pack's own provider and are
/// counted at the pack's gate while they run.
/// </summary>
internal sealed record PackEndpointMetadata(string PackCode, string Version, IServiceProvider Services, RequestGate Gate)
{
    /// <summary>The <c>Valhalla-Pack</c> response header: which pack and version answered, e.g. <c>P-BUDGET-1/1.0.0</c>.</summary>
    public string Served { get; } = $"{PackCode}/{Version}";
}
