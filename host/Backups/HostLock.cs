using Valhalla.Host.Configuration;

namespace Valhalla.Host.Backups;

/// <summary>
/// <c>host/host.lock</c> under the data root, held open with an operating-system lock
/// (<see cref="FileShare.None"/>) for as long as a host serves from it, so that an offline restore
/// can tell a running host from a file left behind by one that crashed: the lock dies with the process.
/// </summary>
internal sealed class HostLock(ValhallaPaths paths) : IDisposable
{
    public const string FileName = "host.lock";

    private readonly Lock _gate = new();
    private FileStream? _held;

    public string FilePath => Path.Combine(paths.HostFolder, FileName);

    /// <summary>Takes the lock for this process (once; later calls keep it); false when another holder has it.</summary>
    public bool TryAcquire()
    {
        lock (_gate)
        {
            _held ??= TryOpen(FilePath);
            return _held is not null;
        }
    }

    /// <summary>Opens <paramref name="file"/> exclusively, or null when someone else holds it.</summary>
    public static FileStream? TryOpen(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        try
        {
            return new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _held?.Dispose();
            _held = null;
        }
    }
}
