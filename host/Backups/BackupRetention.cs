using Microsoft.Extensions.Logging;

namespace Valhalla.Host.Backups;

/// <summary>Keeps the newest <c>Keep</c> backups and deletes the rest, oldest first.</summary>
internal static class BackupRetention
{
    public static IReadOnlyList<string> Apply(string folder, int keep, ILogger logger)
    {
        if (keep <= 0 || !Directory.Exists(folder))
        {
            return [];
        }

        // Names carry the UTC time of the snapshot, so ordinal order is age order.
        var expired = Directory.EnumerateFiles(folder, "*" + BackupNames.Extension)
            .Where(file => BackupNames.IsValid(Path.GetFileName(file)))
            .OrderByDescending(file => Path.GetFileName(file), StringComparer.Ordinal)
            .Skip(keep)
            .ToList();
        foreach (var file in expired)
        {
            File.Delete(file);
            logger.LogInformation("Deleted {File}: more than {Keep} backups are kept", file, keep);
        }

        return expired;
    }
}
