using Valhalla.Host.Loading;
using Valhalla.Testing;

namespace Valhalla.Host.Tests.Loading;

public sealed class ShadowCopiesTests
{
    [Fact]
    public void Only_folders_whose_owner_lock_is_free_are_deleted()
    {
        using var temp = new TempDirectory();
        var abandoned = Folder(temp, "valhalla-packs-dead", withLock: true);
        var running = Folder(temp, "valhalla-packs-alive", withLock: true);
        var older = Folder(temp, "valhalla-packs-old", withLock: false);
        var unrelated = Folder(temp, "something-else", withLock: true);
        using var held = new FileStream(Path.Combine(running, ShadowCopies.OwnerLock), FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var deleted = ShadowCopies.DeleteStale(temp.Path);

        Assert.Equal([abandoned], deleted);
        Assert.False(Directory.Exists(abandoned));
        Assert.True(Directory.Exists(running));
        Assert.True(Directory.Exists(older));
        Assert.True(Directory.Exists(unrelated));
    }

    [Fact]
    public void A_host_s_own_copies_are_not_stale_while_it_runs()
    {
        using var copies = new ShadowCopies();
        using var pack = new TempDirectory();
        File.WriteAllText(pack.Combine("pack.json"), "{}");
        var copy = copies.Copy(pack.Path);

        ShadowCopies.DeleteStale(Path.GetTempPath());

        Assert.True(File.Exists(Path.Combine(copy, "pack.json")));
    }

    private static string Folder(TempDirectory temp, string name, bool withLock)
    {
        var folder = temp.Combine(name);
        Directory.CreateDirectory(Path.Combine(folder, "1-pack"));
        File.WriteAllText(Path.Combine(folder, "1-pack", "pack.json"), "{}");
        if (withLock)
        {
            File.WriteAllText(Path.Combine(folder, ShadowCopies.OwnerLock), "");
        }

        return folder;
    }
}
