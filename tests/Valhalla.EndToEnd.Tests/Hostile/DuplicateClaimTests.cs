using System.Net;
using System.Text.Json.Nodes;
using Valhalla.Contracts.Catalog;
using Valhalla.EndToEnd.Tests.Transactions;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Hostile;

/// <summary>Two folders claiming one code, prefix or data path: the one that was serving keeps serving, across restarts.</summary>
public sealed class DuplicateClaimTests() : HostTest(BuiltPacks.Budget, BuiltPacks.Transactions)
{
    private string BudgetFolder => Path.Combine(Folders.DropFolder, BuiltPacks.Budget);

    [Theory]
    [InlineData(BuiltPacks.Budget + ".bak")]
    [InlineData("Budget-copy")] // sorts before Valhalla.Packs.Budget: only the record of what served keeps budget serving
    public async Task A_stray_copy_of_a_pack_cannot_take_it_offline_at_the_next_start(string copyName)
    {
        var groceries = await Client.CreateBucketAsync("Groceries", "essentials", 900);

        await RestartAsync(whileStopped: () => BuiltPacks.CopyDirectory(BudgetFolder, Path.Combine(Folders.DropFolder, copyName)));

        var budget = Host.Report.Packs.Single(p => p.Folder == BuiltPacks.Budget);
        Assert.Equal(PackStatus.Loaded, budget.Status);
        Assert.Empty(budget.Errors);
        var copy = Host.Report.Packs.Single(p => p.Folder == copyName);
        Assert.Equal(PackStatus.Skipped, copy.Status);
        var duplicate = Assert.Single(copy.Errors, e => e.Code == "code_duplicate");
        Assert.Contains($"folder {BuiltPacks.Budget} keeps it: it was serving", duplicate.Detail);
        Assert.Contains(copy.Errors, e => e.Code == "route_prefix_overlap");
        Assert.Contains(copy.Errors, e => e.Code == "data_path_duplicate");

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"core/budget/buckets/{groceries}")).StatusCode);
        var unknown = await Client.PostAsync(new { tx_type = "expense", amount = 5, date = "2026-01-05", bucket_id = "bk_000000000000" });
        Assert.NotNull((await unknown.AssertProblemAsync(HttpStatusCode.BadRequest))["errors"]!["bucket_id"]);
    }

    [Fact]
    public async Task A_stranger_claiming_a_serving_packs_prefix_and_data_file_is_skipped_at_the_next_start()
    {
        var groceries = await Client.CreateBucketAsync("Groceries", "essentials", 900);

        await RestartAsync(whileStopped: () => Folders.Drop(BuiltPacks.Fixtures, "Aaa-stranger", m =>
        {
            m["code"] = "X-STRANGER-1";
            m["route_prefix"] = "/core/budget/buckets";
            m["data_paths"] = new JsonArray("budget/budget.db-journal");
        }));

        Assert.Equal(PackStatus.Loaded, Host.Report.Packs.Single(p => p.Code == "P-BUDGET-1").Status);
        var stranger = Host.Report.Packs.Single(p => p.Code == "X-STRANGER-1");
        Assert.Equal(PackStatus.Skipped, stranger.Status);
        Assert.Contains($"folder {BuiltPacks.Budget} keeps it: it was serving", Assert.Single(stranger.Errors, e => e.Code == "route_prefix_overlap").Detail);
        Assert.Contains("is one of the SQLite files of P-BUDGET-1's 'budget/budget.db'", Assert.Single(stranger.Errors, e => e.Code == "data_path_duplicate").Detail);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"core/budget/buckets/{groceries}")).StatusCode);
    }

    [Fact]
    public async Task What_serves_is_recorded_under_the_host_folder()
    {
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folders.DataRoot, "host", "serving.json")))!;

        var packs = record["packs"]!.AsArray().Select(p => ((string?)p!["code"], (string?)p["folder"])).ToList();
        Assert.Contains(("P-BUDGET-1", BuiltPacks.Budget), packs);
        Assert.Contains(("P-BUDGET-2", BuiltPacks.Transactions), packs);
    }
}
