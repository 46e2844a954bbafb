using Valhalla.Contracts.Catalog;
using Valhalla.Host.Configuration;

namespace Valhalla.Host.Validation;

/// <summary>
/// A data path must be relative, stay inside the data root (also through symlinks), stay out of the
/// drop folder and the host's own files, name a database rather than one of SQLite's side files, and
/// have a writable parent. A missing file is only a warning: the host creates it. Paths are compared
/// as files: symlinks resolved, case folded where the file system folds it.
/// </summary>
internal static class DataPathChecks
{
    public static IEnumerable<Finding> Check(string pack, string dataPath, ValhallaPaths paths)
    {
        var finding = Refuse(pack, dataPath, paths);
        if (finding is not null)
        {
            yield return finding;
            yield break;
        }

        var full = FullPath(dataPath, paths);
        if (!File.Exists(full))
        {
            yield return new Finding(pack, Severity.Warning, FindingCodes.DataFileMissing, "A data file does not exist yet.",
                $"data_paths '{dataPath}' is not there yet; it will be created on first use at {full}.");
        }
    }

    public static string FullPath(string dataPath, ValhallaPaths paths) => Path.GetFullPath(dataPath, paths.DataRoot);

    /// <summary>The file a data path names, as the file system sees it: full, with every existing symbolic link resolved.</summary>
    public static string CanonicalPath(string dataPath, ValhallaPaths paths)
    {
        var full = FullPath(dataPath, paths);
        try
        {
            return RealPath(full);
        }
        catch (IOException)
        {
            return full; // a link that cannot be resolved (a loop) is refused by Check; compare it as written
        }
    }

    private static Finding? Refuse(string pack, string dataPath, ValhallaPaths paths)
    {
        if (string.IsNullOrWhiteSpace(dataPath) || dataPath.EndsWith('/') || dataPath.EndsWith('\\') || dataPath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return ManifestChecks.Error(pack, FindingCodes.DataPathInvalid, "A data path is malformed.",
                $"data_paths '{dataPath}' must name a file relative to the data root, e.g. budget/budget.db.");
        }

        if (Path.IsPathRooted(dataPath))
        {
            return ManifestChecks.Error(pack, FindingCodes.DataPathAbsolute, "A data path is absolute.",
                $"data_paths '{dataPath}' must be relative to the data root ({paths.DataRoot}), e.g. budget/budget.db.");
        }

        var full = FullPath(dataPath, paths);
        var comparison = FileSystemCase.ComparisonFor(paths.DataRoot);
        string realRoot, real;
        try
        {
            (realRoot, real) = (RealPath(paths.DataRoot), RealPath(full));
        }
        catch (IOException ex)
        {
            return ManifestChecks.Error(pack, FindingCodes.DataPathInvalid, "A data path cannot be resolved.",
                $"data_paths '{dataPath}' passes through a symbolic link that cannot be resolved ({ex.Message}). Use a plain path inside the data root.");
        }

        if (!IsInside(full, paths.DataRoot) || !IsInside(real, realRoot, comparison))
        {
            return ManifestChecks.Error(pack, FindingCodes.DataPathEscapesRoot, "A data path leaves the data root.",
                $"data_paths '{dataPath}' resolves to {real}, outside the data root {realRoot} (through '..' or a symbolic link). Use a path inside the data root.");
        }

        if (DataFiles.SameOrInside(full, paths.DropFolder, comparison) || DataFiles.SameOrInside(real, RealPath(paths.DropFolder), comparison))
        {
            return ManifestChecks.Error(pack, FindingCodes.DataPathInDropFolder, "A data path lies in the drop folder.",
                $"data_paths '{dataPath}' lies in the drop folder {paths.DropFolder}, where pack folders are replaced. Use a path such as {pack.ToLowerInvariant()}/{Path.GetFileName(dataPath)}.");
        }

        // A side file is checked as its database: reports/x.json-wal is still the reports folder.
        var database = DataFiles.DatabaseOf(real);
        foreach (var (owned, what) in HostOwnedPaths.Of(paths))
        {
            if (DataFiles.SameOrInside(database, owned, comparison) || DataFiles.SameOrInside(database, RealPath(owned), comparison))
            {
                return ManifestChecks.Error(pack, FindingCodes.DataPathHostOwned, "A data path names a file the host owns.",
                    $"data_paths '{dataPath}' resolves to {real}, which belongs to {what} ({Path.GetRelativePath(paths.DataRoot, owned)} under the data root). The host writes there; use a path of the pack's own, e.g. {pack.ToLowerInvariant()}/{pack.ToLowerInvariant()}.db.");
            }
        }

        if (DataFiles.SideFileSuffix(dataPath) is { } suffix)
        {
            return ManifestChecks.Error(pack, FindingCodes.DataPathInvalid, "A data path names one of SQLite's side files.",
                $"data_paths '{dataPath}' ends in {suffix}: SQLite keeps that file next to the database {dataPath[..^suffix.Length]} and writes it itself. Name the database instead.");
        }

        return CanWriteUnder(Path.GetDirectoryName(real)!) ? null : ManifestChecks.Error(pack, FindingCodes.DataPathNotWritable, "A data path's folder is not writable.",
            $"data_paths '{dataPath}': the host cannot create files in {Path.GetDirectoryName(real)}. Give the host write access to it.");
    }

    private static bool IsInside(string path, string folder, StringComparison comparison = StringComparison.Ordinal) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, comparison);

    /// <summary>The path with every existing symbolic link along it resolved.</summary>
    private static string RealPath(string path)
    {
        var root = Path.GetPathRoot(path)!;
        var real = root;
        foreach (var part in path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            real = Path.Combine(real, part);
            var info = new FileInfo(real);
            if (info.Exists || Directory.Exists(real))
            {
                FileSystemInfo entry = info.Exists ? info : new DirectoryInfo(real);
                if (entry.LinkTarget is not null)
                {
                    real = Path.TrimEndingDirectorySeparator(entry.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? real);
                }
            }
        }

        return real;
    }

    /// <summary>True when the nearest existing folder at or above <paramref name="folder"/> accepts a new file.</summary>
    private static bool CanWriteUnder(string folder)
    {
        var existing = folder;
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                return false; // a file stands where a folder must be created
            }

            existing = Path.GetDirectoryName(existing);
            if (existing is null)
            {
                return false;
            }
        }

        try
        {
            var probe = Path.Combine(existing, $".valhalla-write-check-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
