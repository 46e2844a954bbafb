namespace Valhalla.Host.Loading;

/// <summary>Where a started pack came from.</summary>
/// <param name="Folder">Its folder in the drop folder.</param>
/// <param name="LoadFolder">The private copy of that folder it was loaded from (see <see cref="ShadowCopies"/>).</param>
/// <param name="Fingerprint">What the folder looked like when it was copied.</param>
internal sealed record PackSource(string Folder, string LoadFolder, PackFingerprint Fingerprint);
