using Valhalla.Host.Backups;
using Valhalla.Host.Configuration;
using Valhalla.Testing;

namespace Valhalla.Host.Tests.Backups;

public sealed class HostLockTests : IDisposable
{
    private readonly TempDirectory _root = new();

    [Fact]
    public void While_a_host_holds_the_lock_nobody_else_can_take_it()
    {
        using var host = new HostLock(new ValhallaPaths(_root.Path, _root.Combine("packs")));

        Assert.True(host.TryAcquire());
        Assert.True(host.TryAcquire());
        Assert.Null(HostLock.TryOpen(host.FilePath));
    }

    [Fact]
    public void A_lock_file_left_behind_by_a_host_that_ended_is_free()
    {
        var paths = new ValhallaPaths(_root.Path, _root.Combine("packs"));
        using (var ended = new HostLock(paths))
        {
            Assert.True(ended.TryAcquire());
        }

        using var next = HostLock.TryOpen(Path.Combine(paths.HostFolder, HostLock.FileName));

        Assert.NotNull(next);
    }

    public void Dispose() => _root.Dispose();
}
