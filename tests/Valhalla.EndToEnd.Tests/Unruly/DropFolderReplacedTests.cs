using System.Net;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Unruly;

/// <summary>The drop folder itself is removed and recreated, or another folder is moved into its place: watching goes on.</summary>
public sealed class DropFolderReplacedTests : IAsyncLifetime
{
    private readonly HostFolders _folders = new();
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        _folders.Drop(BuiltPacks.Registry);
        _folders.Drop(BuiltPacks.Fixtures, "good");
        _host = await _folders.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folders.Dispose();
    }

    [Fact]
    public async Task After_rm_rf_and_mkdir_of_the_drop_folder_the_packs_dropped_into_the_new_one_are_loaded()
    {
        Directory.Delete(_folders.DropFolder, recursive: true);
        await _host.WaitForReportAsync(r => r.Packs.Count == 0);
        Directory.CreateDirectory(_folders.DropFolder);
        _folders.Drop(BuiltPacks.Registry);
        _folders.Drop(BuiltPacks.Fixtures, "good");
        _folders.DropUnruly("SlowPack", "X-LATE-1");

        await _host.WaitForLoadedAsync("X-LATE-1");
        await _host.WaitForLoadedAsync("X-FIXTURE-1");

        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync("fixtures/x-late-1/ping")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync("fixtures/good/ping")).StatusCode);
    }

    [Fact]
    public async Task After_another_folder_is_moved_into_place_its_packs_are_reconciled_and_watched()
    {
        var staged = Path.Combine(_folders.DataRoot, "packs.new");
        BuiltPacks.Drop(staged, BuiltPacks.Registry);
        BuiltPacks.Drop(staged, BuiltPacks.Unruly, "x-late-1", UnrulyPacks.As("SlowPack", "X-LATE-1"));

        Directory.Move(_folders.DropFolder, Path.Combine(_folders.DataRoot, "packs.old"));
        Directory.Move(staged, _folders.DropFolder);
        await _host.WaitForReportAsync(r => r.Packs.Any(p => p.Code == "X-LATE-1") && r.Packs.All(p => p.Code != "X-FIXTURE-1"));
        _folders.DropUnruly("SlowPack", "X-LATER-1");
        await _host.WaitForLoadedAsync("X-LATER-1");

        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync("fixtures/x-late-1/ping")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync("fixtures/x-later-1/ping")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.GetAsync("fixtures/good/ping")).StatusCode);
    }
}
