using System.Net;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Unruly;

/// <summary>What a crashed host leaves behind is cleaned up, and a full disk is named as such.</summary>
public sealed class HostHygieneTests : IDisposable
{
    private readonly HostFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task Private_pack_copies_left_by_a_host_that_died_are_deleted_at_start()
    {
        // What a killed host leaves: its copies and the owner lock nobody holds any more.
        var stale = Directory.CreateTempSubdirectory("valhalla-packs-").FullName;
        BuiltPacks.CopyDirectory(BuiltPacks.OutputOf(BuiltPacks.Fixtures), Path.Combine(stale, "1-good"));
        File.WriteAllText(Path.Combine(stale, ".owner.lock"), "");
        _folders.Drop(BuiltPacks.Fixtures, "good");

        await using var host = await _folders.StartAsync();

        Assert.False(Directory.Exists(stale));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("fixtures/good/ping")).StatusCode);
    }

    [Fact]
    public async Task A_write_on_a_full_disk_answers_507_with_a_problem_saying_so()
    {
        if (!File.Exists("/dev/full"))
        {
            return; // The full disk is simulated with Linux's /dev/full.
        }

        _folders.DropUnruly("FullDiskPack", "X-FULL-1");
        await using var host = await _folders.StartAsync();

        var response = await host.Client.PostAsync("fixtures/x-full-1/notes", null);

        var problem = await response.AssertProblemAsync(HttpStatusCode.InsufficientStorage);
        Assert.Contains("disk", (string?)problem["title"]);
        Assert.Contains("Free some space", (string?)problem["detail"]);
    }
}
