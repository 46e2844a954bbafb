using Valhalla.Contracts.Catalog;

namespace Valhalla.Host.Loading;

/// <summary>
/// A start that failed, remembered with the files it was tried on so the host does not retry the
/// same files on every change in the drop folder; changed files or a reload try again.
/// </summary>
internal sealed record FailedStart(PackFingerprint Fingerprint, Finding Finding, double LoadMs);
