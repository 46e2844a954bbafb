namespace Valhalla.Host.Mounting;

/// <summary>Marks an endpoint as a pack's, so its requests run in a scope of the pack's own provider.</summary>
internal sealed record PackEndpointMetadata(string PackCode, IServiceProvider Services);
