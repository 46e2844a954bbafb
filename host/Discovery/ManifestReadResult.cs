using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;

namespace Valhalla.Host.Discovery;

/// <summary>A manifest read from JSON, or the findings that say why it could not be.</summary>
public sealed record ManifestReadResult(PackManifest? Manifest, IReadOnlyList<Finding> Findings);
