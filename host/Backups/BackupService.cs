using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Valhalla.Host.Configuration;
using Valhalla.Host.Loading;
using Valhalla.Host.Reports;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Backups;

/// <summary>
/// Takes backups of the running host, one at a time, into <c>&lt;data root&gt;/backups/</c>; records
/// each attempt (see <see cref="LastBackup"/>), republishes the report with it, and applies retention.
/// </summary>
internal sealed class BackupService(
    ValhallaPaths paths, PackHost packs, LastBackup last, IOptions<BackupOptions> options, TimeProvider time, ILogger<BackupService> logger)
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public string Folder => Path.Combine(paths.DataRoot, HostOwnedPaths.BackupsFolder);

    /// <summary>Backs up every running pack's databases and the host's; never throws for a failed backup, which is recorded.</summary>
    public async Task<BackupRecord> BackUpAsync(CancellationToken ct) =>
        await BackUpAsync(() => BackupSources.Running(paths, packs.Running), ct);

    /// <summary>Backs up <paramref name="sources"/>; the attempt is recorded and logged, whatever its outcome.</summary>
    public async Task<BackupRecord> BackUpAsync(Func<IReadOnlyList<BackupSource>> sources, CancellationToken ct)
    {
        await _one.WaitAsync(ct);
        try
        {
            var started = time.GetTimestamp();
            var now = time.GetUtcNow();
            // Names are to the millisecond; two backups within one (a fixed test clock) must not collide.
            while (File.Exists(Path.Combine(Folder, BackupNames.For(now))))
            {
                now = now.AddMilliseconds(1);
            }

            var name = BackupNames.For(now);
            BackupRecord record;
            try
            {
                var (file, size) = await BackupArchive.WriteAsync(sources(), Folder, name, now, ct);
                record = new BackupRecord(name, now, size, BackupRecord.Ok);
                logger.LogInformation("Backed up to {File} ({Bytes} bytes) in {Ms} ms", file, size, (long)time.GetElapsedTime(started).TotalMilliseconds);
                BackupRetention.Apply(Folder, options.Value.Keep, logger);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                record = new BackupRecord(name, now, 0, BackupRecord.Failed, ex.Message);
                logger.LogError(ex, "Backup {Name} failed; no partial file was kept: {Reason}", name, ex.Message);
            }

            last.Set(record);
            await RepublishReportAsync(record);
            return record;
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>The backups on disk, newest first, and the last attempt when it failed (it left no file).</summary>
    public IReadOnlyList<BackupRecord> List()
    {
        IEnumerable<BackupRecord> onDisk = Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*" + BackupNames.Extension)
                .Select(Path.GetFileName)
                .Where(BackupNames.IsValid)
                .Select(name => new BackupRecord(name!, BackupNames.TimeOf(name!), new FileInfo(Path.Combine(Folder, name!)).Length, BackupRecord.Ok))
            : [];
        IEnumerable<BackupRecord> failed = last.Record is { Outcome: BackupRecord.Failed } f ? [f] : [];
        return [.. onDisk.Concat(failed).OrderByDescending(r => r.Time)];
    }

    /// <summary>The path of the named backup, or null when the name is not a backup's or there is no such file.</summary>
    public string? Find(string name) =>
        BackupNames.IsValid(name) && File.Exists(Path.Combine(Folder, name)) ? Path.Combine(Folder, name) : null;

    private async Task RepublishReportAsync(BackupRecord record)
    {
        try
        {
            await ReportWriter.WriteAsync(packs.Report, paths.ReportsFolder, record);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not write the report to {Folder}: {Reason}", paths.ReportsFolder, ex.Message);
        }
    }
}
