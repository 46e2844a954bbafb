using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Valhalla.Host.Configuration;
using Valhalla.Host.Loading;

namespace Valhalla.Host.Watching;

/// <summary>
/// Watches the drop folder while the host runs. Once the folder has been quiet for
/// <see cref="ValhallaOptions.WatchQuietMs"/> after a change — a pack being copied in is not read
/// half-way — it asks the <see cref="PackHost"/> to reconcile: new packs start, changed ones are
/// replaced, removed ones unload. Our own watcher, not the plugin library's: that one watches only
/// a loaded pack's own assembly.
/// </summary>
internal sealed class DropFolderWatcher(
    PackHost host, ValhallaPaths paths, IOptions<ValhallaOptions> options, TimeProvider time, ILogger<DropFolderWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Watch)
        {
            logger.LogInformation("Not watching {DropFolder} (Valhalla:Watch is off): packs change on restart or POST /core/packs/{{code}}/reload", paths.DropFolder);
            return;
        }

        // One pending signal is enough: a reconcile looks at the whole folder.
        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var lastChange = time.GetTimestamp();
        void Changed()
        {
            Interlocked.Exchange(ref lastChange, time.GetTimestamp());
            changes.Writer.TryWrite(true);
        }

        using var watcher = TryWatch(Changed);
        if (watcher is null)
        {
            return;
        }

        logger.LogInformation("Watching {DropFolder} for packs added, replaced or removed", paths.DropFolder);

        // Whatever changed between the start-up load and now.
        Changed();
        var quiet = TimeSpan.FromMilliseconds(options.Value.WatchQuietMs);
        while (await changes.Reader.WaitToReadAsync(stoppingToken))
        {
            changes.Reader.TryRead(out _);
            for (var since = time.GetElapsedTime(Interlocked.Read(ref lastChange)); since < quiet; since = time.GetElapsedTime(Interlocked.Read(ref lastChange)))
            {
                await Task.Delay(quiet - since, time, stoppingToken);
            }

            try
            {
                await host.ReconcileAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Reconciling the drop folder failed; the next change tries again");
            }
        }
    }

    // A drop folder that cannot be watched (no permission, no inotify instances left) costs the live
    // changes, not the host.
    private FileSystemWatcher? TryWatch(Action changed)
    {
        FileSystemWatcher? watcher = null;
        try
        {
            Directory.CreateDirectory(paths.DropFolder);
            watcher = new FileSystemWatcher(paths.DropFolder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Created += (_, _) => changed();
            watcher.Changed += (_, _) => changed();
            watcher.Deleted += (_, _) => changed();
            watcher.Renamed += (_, _) => changed();
            watcher.Error += (_, e) =>
            {
                logger.LogWarning("Watching {DropFolder} lost events ({Reason}); looking at the whole folder again", paths.DropFolder, e.GetException().Message);
                changed();
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            watcher?.Dispose();
            logger.LogError("Cannot watch {DropFolder} ({Reason}); packs change only on restart or reload", paths.DropFolder, ex.Message);
            return null;
        }
    }
}
