namespace Valhalla.Host.Mounting;

/// <summary>
/// Marks an endpoint as a pack's, so its requests run in a scope of the pack's own provider and are
/// counted at the pack's gate while they run.
/// </summary>
/// <param name="Tags">The pack's manifest tags, which a key's pack restriction may name.</param>
internal sealed record PackEndpointMetadata(string PackCode, string Version, IReadOnlyList<string> Tags, IServiceProvider Services, RequestGate Gate)
{
    /// <summary>The <c>Valhalla-Pack</c> response header: which pack and version answered, e.g. <c>P-BUDGET-1/1.0.0</c>.</summary>
    public string Served { get; } = $"{PackCode}/{Version}";
}
