using System.Text.Json;
using Microsoft.Extensions.Logging;
using Valhalla.Host.Configuration;

namespace Valhalla.Host.Backups;

/// <summary>
/// The last backup attempt, kept in <c>host/last-backup.json</c> so that <c>/health</c> and the
/// report still say after a restart when the household's data was last saved, or that it failed.
/// </summary>
internal sealed class LastBackup(ValhallaPaths paths, ILogger<LastBackup> logger)
{
    private readonly Lock _gate = new();
    private bool _read;
    private BackupRecord? _record;

    private string FilePath => Path.Combine(paths.HostFolder, "last-backup.json");

    public BackupRecord? Record
    {
        get
        {
            lock (_gate)
            {
                if (!_read)
                {
                    _record = Read();
                    _read = true;
                }

                return _record;
            }
        }
    }

    public void Set(BackupRecord record)
    {
        lock (_gate)
        {
            _record = record;
            _read = true;
            try
            {
                Directory.CreateDirectory(paths.HostFolder);
                var temp = FilePath + ".tmp";
                File.WriteAllText(temp, JsonSerializer.Serialize(record, BackupArchive.Json));
                File.Move(temp, FilePath, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Could not record the last backup in {File}: {Reason}", FilePath, ex.Message);
            }
        }
    }

    private BackupRecord? Read()
    {
        try
        {
            return File.Exists(FilePath) ? JsonSerializer.Deserialize<BackupRecord>(File.ReadAllText(FilePath), BackupArchive.Json) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            logger.LogWarning("Could not read the last backup from {File}: {Reason}", FilePath, ex.Message);
            return null;
        }
    }
}
