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
/// a loaded pack's own assembly. The drop folder itself may be removed, recreated or replaced
/// (<c>rm -rf</c> + <c>mkdir</c>, <c>mv</c> of another folder into place): its parent is watched
/// too, and the watcher re-attaches to whatever folder then has the drop folder's path.
/// </summary>
internal sealed class DropFolderWatcher(
    PackHost host, ValhallaPaths paths, IOptions<ValhallaOptions> options, TimeProvider time, ILogger<DropFolderWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Watch)
        {
            logger.LogInformation("Not watching {DropFolder} (Valhalla:Watch is off): packs change on restart or when an admin reloads one", paths.DropFolder);
            return;
        }

        // One pending signal is enough: a reconcile looks at the whole folder.
        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var lastChange = time.GetTimestamp();
        var replaced = 0;
        void Changed()
        {
            Interlocked.Exchange(ref lastChange, time.GetTimestamp());
            changes.Writer.TryWrite(true);
        }

        void Replaced()
        {
            Interlocked.Exchange(ref replaced, 1);
            Changed();
        }

        TryCreateDropFolder();
        using var parent = TryWatchParent(Replaced);
        var watcher = TryWatch(Changed, Replaced);
        try
        {
            if (watcher is null && parent is null)
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
                watcher = ReattachIfReplaced(ref replaced, watcher, Changed, Replaced);
                for (var since = time.GetElapsedTime(Interlocked.Read(ref lastChange)); since < quiet; since = time.GetElapsedTime(Interlocked.Read(ref lastChange)))
                {
                    await Task.Delay(quiet - since, time, stoppingToken);
                }

                watcher = ReattachIfReplaced(ref replaced, watcher, Changed, Replaced);
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
        finally
        {
            watcher?.Dispose();
        }
    }

    // The folder at the drop folder's path is another one now (or none): watch that one instead.
    private FileSystemWatcher? ReattachIfReplaced(ref int replaced, FileSystemWatcher? watcher, Action changed, Action replacedAgain)
    {
        if (Interlocked.Exchange(ref replaced, 0) == 0)
        {
            return watcher;
        }

        watcher?.Dispose();
        if (!Directory.Exists(paths.DropFolder))
        {
            logger.LogWarning("The drop folder {DropFolder} is gone: its packs are unloaded; watching for a new folder at that path", paths.DropFolder);
            return null;
        }

        logger.LogWarning("The drop folder {DropFolder} was replaced or recreated; watching the new folder and reconciling its packs", paths.DropFolder);
        return TryWatch(changed, replacedAgain);
    }

    private void TryCreateDropFolder()
    {
        try
        {
            Directory.CreateDirectory(paths.DropFolder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogError("Cannot create the drop folder {DropFolder} ({Reason})", paths.DropFolder, ex.Message);
        }
    }

    // A drop folder that cannot be watched (no permission, no inotify instances left) costs the live
    // changes, not the host.
    private FileSystemWatcher? TryWatch(Action changed, Action replaced)
    {
        FileSystemWatcher? watcher = null;
        try
        {
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
                logger.LogWarning("Watching {DropFolder} lost events ({Reason}); watching it afresh and looking at the whole folder again", paths.DropFolder, e.GetException().Message);
                replaced();
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

    // Only the drop folder's own name in its parent: creating, removing or renaming it (nothing inside it).
    private FileSystemWatcher? TryWatchParent(Action replaced)
    {
        var parentFolder = Path.GetDirectoryName(paths.DropFolder);
        var name = Path.GetFileName(paths.DropFolder);
        FileSystemWatcher? watcher = null;
        try
        {
            if (parentFolder is null || !Directory.Exists(parentFolder))
            {
                return null;
            }

            watcher = new FileSystemWatcher(parentFolder) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.DirectoryName };
            watcher.Created += (_, e) => Check(e.Name);
            watcher.Deleted += (_, e) => Check(e.Name);
            watcher.Renamed += (_, e) =>
            {
                Check(e.Name);
                Check(e.OldName);
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            watcher?.Dispose();
            logger.LogWarning("Cannot watch {Parent} ({Reason}); a drop folder that is removed or replaced is noticed only on restart", parentFolder, ex.Message);
            return null;
        }

        void Check(string? changedName)
        {
            if (string.Equals(changedName, name, StringComparison.Ordinal))
            {
                replaced();
            }
        }
    }
}
