using Valhalla.Contracts.Catalog;
using Valhalla.Host.Lifecycle;

namespace Valhalla.Host.Loading;

/// <summary>A pack that started and serves, with what starting it took and found.</summary>
/// <param name="LoadMs">Milliseconds it took to start.</param>
/// <param name="StartFindings">What starting it found beyond validation (an export another pack already offers, say).</param>
internal sealed record LoadedPack(PackRuntime Runtime, double LoadMs, IReadOnlyList<Finding> StartFindings)
{
    public string Code => Runtime.Code;

    public RunningPack Described { get; } = new(Runtime.Manifest, Runtime.Source.Folder, Runtime.Source.Fingerprint);
}
