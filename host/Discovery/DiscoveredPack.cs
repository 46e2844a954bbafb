using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;

namespace Valhalla.Host.Discovery;

/// <summary>A folder in the drop folder holding a <c>pack.json</c>, with its manifest when readable.</summary>
/// <param name="Folder">Absolute path of the pack folder.</param>
/// <param name="FolderName">The folder's name, used to name the pack when its manifest is unreadable.</param>
/// <param name="Manifest">The manifest, or null when it could not be read.</param>
/// <param name="Findings">Problems reading the manifest.</param>
public sealed record DiscoveredPack(string Folder, string FolderName, PackManifest? Manifest, IReadOnlyList<Finding> Findings)
{
    public string Code => Manifest?.Code ?? FolderName;
}
