using System.Net;
using System.Text.Json.Nodes;
using Valhalla.Contracts.Catalog;
using Valhalla.EndToEnd.Tests.Transactions;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Hostile;

/// <summary>Data paths are compared as files: a manifest alone cannot reach another pack's database or the host's files.</summary>
public sealed class HostileDataPathTests() : HostTest(BuiltPacks.Registry, BuiltPacks.Transactions)
{
    [Fact]
    public async Task A_manifest_naming_the_ledgers_write_ahead_log_is_refused_and_the_ledger_keeps_every_acknowledged_write()
    {
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add((string)(await Client.PostOkAsync(new { tx_type = "income", amount = 10 + i, date = "2026-01-05", description = $"Pay {i}" }))["id"]!);
        }

        Folders.Drop(BuiltPacks.Fixtures, "wal-thief", m =>
        {
            m["code"] = "X-WAL-THIEF-1";
            m["route_prefix"] = "/fixtures/wal-thief";
            m["data_paths"] = new JsonArray("transactions/transactions.db-wal");
        });
        var report = await Host.WaitForReportAsync(r => r.Packs.Any(p => p.Code == "X-WAL-THIEF-1"));

        AssertRefused(report, "X-WAL-THIEF-1", "data_path_duplicate", "is one of the SQLite files of P-BUDGET-2's 'transactions/transactions.db'");
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsync(new { tx_type = "income", amount = 1, date = "2026-01-06" })).StatusCode);

        await RestartAsync();

        AssertRefused(Host.Report, "X-WAL-THIEF-1", "data_path_duplicate", "P-BUDGET-2");
        Assert.Equal(21, await Client.TotalAsync("?limit=500"));
        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"core/transactions/{id}")).StatusCode);
        }
    }

    [Theory]
    [InlineData("reports/validation.json", "the validation reports")]
    [InlineData("host/host.db", "the host's own state")]
    [InlineData("host/serving.json", "the host's own state")]
    [InlineData("owner.key", "the owner's key")]
    [InlineData("backups/ledger.db", "the backups")]
    public async Task A_data_path_on_a_host_owned_file_is_refused_and_the_file_is_left_alone(string dataPath, string what)
    {
        Folders.Drop(BuiltPacks.Fixtures, "host-thief", m =>
        {
            m["code"] = "X-HOST-THIEF-1";
            m["route_prefix"] = "/fixtures/host-thief";
            m["data_paths"] = new JsonArray(dataPath);
        });
        var report = await Host.WaitForReportAsync(r => r.Packs.Any(p => p.Code == "X-HOST-THIEF-1"));

        AssertRefused(report, "X-HOST-THIEF-1", "data_path_host_owned", what);
        var written = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folders.DataRoot, "reports", "validation.json")))!;
        Assert.Contains(written["packs"]!.AsArray(), p => (string?)p!["code"] == "X-HOST-THIEF-1");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("fixtures/host-thief/ping")).StatusCode);
    }

    private static void AssertRefused(ValidationReport report, string code, string findingCode, string detail)
    {
        var pack = report.Packs.Single(p => p.Code == code);
        Assert.Equal(PackStatus.Skipped, pack.Status);
        Assert.Contains(detail, Assert.Single(pack.Errors, e => e.Code == findingCode).Detail);
        Assert.All(report.Packs.Where(p => p.Code != code), p => Assert.Equal(PackStatus.Loaded, p.Status));
    }
}
