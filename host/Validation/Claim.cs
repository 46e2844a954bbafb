namespace Valhalla.Host.Validation;

/// <summary>
/// What one pack folder claims that no other pack may hold: its code, its route prefix (when well
/// formed) and its data files (each as written and as a canonical path).
/// </summary>
/// <param name="Folder">The folder's name in the drop folder.</param>
/// <param name="Valid">Whether the folder passed every check of its own.</param>
/// <param name="Served">How the folder relates to what was serving: see <see cref="ServedRank"/>.</param>
internal sealed record Claim(
    string Folder, string Code, string? RoutePrefix, IReadOnlyList<(string DataPath, string File)> DataFiles, bool Valid, ServedRank Served);

/// <summary>How a folder relates to the packs that were serving; lower wins a contested claim.</summary>
internal enum ServedRank
{
    /// <summary>This folder was serving, and claims what it served with.</summary>
    Folder = 0,

    /// <summary>
    /// Its code was serving: from a folder that is gone (a moved or renamed folder), or from this folder
    /// with other claims (new files that change the prefix or data paths, not started yet).
    /// </summary>
    Code = 1,

    /// <summary>Nothing of it was serving.</summary>
    None = 2,
}
