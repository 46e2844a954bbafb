namespace Valhalla.Host.Validation;

/// <summary>
/// Data paths compared as the files SQLite will touch: a database comes with its side files
/// (<c>-wal</c>, <c>-shm</c>, <c>-journal</c>), so a claim on one is a claim on all of them, and a
/// claim on a folder holding another pack's database is a claim on that database too.
/// </summary>
internal static class DataFiles
{
    /// <summary>The files SQLite keeps next to a database, named by appending these to its path.</summary>
    public static readonly IReadOnlyList<string> SideFileSuffixes = ["-wal", "-shm", "-journal"];

    /// <summary>The side-file suffix <paramref name="path"/> ends with, or null.</summary>
    public static string? SideFileSuffix(string path) =>
        SideFileSuffixes.FirstOrDefault(suffix => path.Length > suffix.Length && path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The database a path belongs to: itself, or the database whose side file it names.</summary>
    public static string DatabaseOf(string path) => SideFileSuffix(path) is { } suffix ? path[..^suffix.Length] : path;

    /// <summary>
    /// True when two canonical paths touch the same files: the same database (side files included),
    /// or one lies inside the other (a file standing where the other needs a folder).
    /// </summary>
    public static bool Clash(string a, string b, StringComparison comparison)
    {
        var (left, right) = (DatabaseOf(a), DatabaseOf(b));
        return SameOrInside(left, right, comparison) || SameOrInside(right, left, comparison);
    }

    /// <summary>How <paramref name="a"/> clashes with <paramref name="b"/>, said for a finding; see <see cref="Clash"/>.</summary>
    public static string Relation(string a, string b, StringComparison comparison) =>
        string.Equals(a, b, comparison) ? "is the same file as"
        : string.Equals(DatabaseOf(a), DatabaseOf(b), comparison) ? "is one of the SQLite files of"
        : SameOrInside(DatabaseOf(a), DatabaseOf(b), comparison) ? "lies under"
        : "is a folder holding";

    /// <summary>True when <paramref name="path"/> is <paramref name="owned"/> or lies inside it.</summary>
    public static bool SameOrInside(string path, string owned, StringComparison comparison)
    {
        var (p, o) = (Path.TrimEndingDirectorySeparator(path), Path.TrimEndingDirectorySeparator(owned));
        return string.Equals(p, o, comparison) || p.StartsWith(o + Path.DirectorySeparatorChar, comparison);
    }
}
