using System.Net;
using System.Text.Json.Nodes;
using Valhalla.Contracts.Catalog;
using Valhalla.EndToEnd.Tests.Live;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Hostile;

/// <summary>While the host runs, a contested claim never takes a serving pack down, whichever folder sorts first.</summary>
public sealed class LiveClaimTests : LiveHostTest
{
    [Fact]
    public async Task New_files_claiming_another_serving_packs_prefix_are_refused_and_both_keep_serving()
    {
        Drop("a-changed");
        Drop("b-steady");
        await Host.WaitForReportAsync(r => r.Packs.Count(p => p.Status == PackStatus.Loaded) == 3);

        BuiltPacks.EditManifest(Path.Combine(Folders.DropFolder, "a-changed"), m =>
        {
            m["version"] = "1.1.0";
            m["route_prefix"] = "/fixtures/b-steady/sub";
        });
        var report = await Host.WaitForReportAsync(r => r.Packs.Any(p => p.Code == "X-A-CHANGED" && p.Errors.Any()));

        var changed = report.Packs.Single(p => p.Code == "X-A-CHANGED");
        Assert.Equal(PackStatus.Loaded, changed.Status);
        Assert.Equal("1.0.0", changed.Manifest!.Version);
        Assert.Contains("folder b-steady keeps it: it was serving", Assert.Single(changed.Errors, e => e.Code == "route_prefix_overlap").Detail);
        Assert.Contains(changed.Warnings, w => w.Code == "previous_copy_serving");
        Assert.Equal(PackStatus.Loaded, report.Packs.Single(p => p.Code == "X-B-STEADY").Status);
        Assert.Empty(report.Packs.Single(p => p.Code == "X-B-STEADY").Errors);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("fixtures/a-changed/ping")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("fixtures/b-steady/ping")).StatusCode);
    }

    [Fact]
    public async Task A_copy_of_a_serving_pack_dropped_under_a_name_that_sorts_first_is_refused()
    {
        Drop("z-real");
        await Host.WaitForLoadedAsync("X-Z-REAL");

        BuiltPacks.CopyDirectory(Path.Combine(Folders.DropFolder, "z-real"), Path.Combine(Folders.DropFolder, "a-copy"));
        var report = await Host.WaitForReportAsync(r => r.Packs.Any(p => p.Folder == "a-copy"));

        Assert.Equal(PackStatus.Loaded, report.Packs.Single(p => p.Folder == "z-real").Status);
        Assert.Empty(report.Packs.Single(p => p.Folder == "z-real").Errors);
        var copy = report.Packs.Single(p => p.Folder == "a-copy");
        Assert.Equal(PackStatus.Skipped, copy.Status);
        Assert.Contains("folder z-real keeps it: it was serving", Assert.Single(copy.Errors, e => e.Code == "code_duplicate").Detail);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("fixtures/z-real/ping")).StatusCode);
    }

    private void Drop(string name) => Folders.Drop(BuiltPacks.Fixtures, name, m =>
    {
        m["code"] = "X-" + name.ToUpperInvariant();
        m["route_prefix"] = "/fixtures/" + name;
        m["data_paths"] = new JsonArray($"fixtures/{name}.db");
    });
}
