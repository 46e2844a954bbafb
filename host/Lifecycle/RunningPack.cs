using Valhalla.Contracts;
using Valhalla.Host.Loading;

namespace Valhalla.Host.Lifecycle;

/// <summary>What the lifecycle needs to know of a running pack: its manifest and the files it was started from.</summary>
/// <param name="Folder">Its folder in the drop folder.</param>
/// <param name="Fingerprint">What that folder looked like when the pack was started.</param>
internal sealed record RunningPack(PackManifest Manifest, string Folder, PackFingerprint Fingerprint)
{
    public string Code => Manifest.Code;
}
