using System.Net;
using Valhalla.Contracts.Catalog;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Hostile;

/// <summary>On a first start nothing was serving: the first folder in ordinal name order wins, and the report says so.</summary>
public sealed class FirstStartClaimTests : IDisposable
{
    private readonly HostFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task On_a_first_start_the_first_folder_by_name_serves_and_the_report_says_why()
    {
        _folders.Drop(BuiltPacks.Budget, "b-budget");
        _folders.Drop(BuiltPacks.Budget, "a-budget");

        await using var host = await _folders.StartAsync();

        Assert.Equal(PackStatus.Loaded, host.Report.Packs.Single(p => p.Folder == "a-budget").Status);
        var second = host.Report.Packs.Single(p => p.Folder == "b-budget");
        Assert.Equal(PackStatus.Skipped, second.Status);
        Assert.Contains("neither was serving, and a-budget comes first in ordinal folder-name order", Assert.Single(second.Errors, e => e.Code == "code_duplicate").Detail);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("core/budget/buckets")).StatusCode);
    }
}
