using Valhalla.Host.Loading;
using Valhalla.Host.Quarantine;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Lifecycle;

/// <summary>Everything the lifecycle decides from; see <see cref="LifecyclePlanner"/>.</summary>
/// <param name="Packs">The validated pack folders, in load (dependency) order.</param>
/// <param name="Fingerprints">The fingerprint of every folder in <paramref name="Packs"/>, by folder.</param>
/// <param name="Running">The running packs, in the order they started.</param>
/// <param name="Failed">The starts that failed, by code, with the files they failed on.</param>
/// <param name="Quarantine">The packs held back because they ended the host's process.</param>
/// <param name="Request">What asked for this pass.</param>
internal sealed record LifecycleInput(
    IReadOnlyList<ValidatedPack> Packs,
    IReadOnlyDictionary<string, PackFingerprint> Fingerprints,
    IReadOnlyList<RunningPack> Running,
    IReadOnlyDictionary<string, FailedStart> Failed,
    QuarantineState Quarantine,
    LifecycleRequest Request);
