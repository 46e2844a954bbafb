using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Hostile;

/// <summary>Manifests and folders that look fine but would reach the host: refused before any of their code runs.</summary>
public sealed class HostileManifestTests : IDisposable
{
    private readonly HostFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task Dot_segment_and_host_route_prefixes_and_renamed_shared_assemblies_are_refused_and_the_good_pack_serves()
    {
        _folders.Drop(BuiltPacks.Fixtures, "good");
        Drop("dot", "/.");
        Drop("dotdot", "/fixtures/..");
        Drop("host-route", "/host/keys");
        var contracts = Drop("contracts", "/fixtures/contracts");
        File.Copy(typeof(IPack).Assembly.Location, Path.Combine(contracts, "Helpers.dll"));
        var sqlite = Drop("sqlite", "/fixtures/sqlite");
        File.Copy(typeof(SqliteConnection).Assembly.Location, Path.Combine(sqlite, "Storage.dll"));

        await using var host = await _folders.StartAsync();

        Assert.Equal(PackStatus.Loaded, host.Report.Packs.Single(p => p.Code == "X-FIXTURE-1").Status);
        AssertRefused(host.Report, "X-DOT-1", "route_prefix_invalid", "no segment '.' or '..'");
        AssertRefused(host.Report, "X-DOTDOT-1", "route_prefix_invalid", "no segment '.' or '..'");
        AssertRefused(host.Report, "X-HOST-ROUTE-1", "route_prefix_overlap", "the host's /host");
        AssertRefused(host.Report, "X-CONTRACTS-1", "ships_contracts", "Helpers.dll (assembly Valhalla.Contracts)");
        AssertRefused(host.Report, "X-SQLITE-1", "ships_sqlite_provider", "Storage.dll (assembly Microsoft.Data.Sqlite)");
        Assert.Equal("pong", (string?)(await host.Client.GetFromJsonAsync<JsonObject>("fixtures/good/ping"))!["answer"]);
    }

    private string Drop(string name, string prefix) => _folders.Drop(BuiltPacks.Fixtures, name, m =>
    {
        m["code"] = $"X-{name.ToUpperInvariant()}-1";
        m["route_prefix"] = prefix;
        m["data_paths"] = new JsonArray($"fixtures/{name}.db");
    });

    private static void AssertRefused(ValidationReport report, string code, string findingCode, string detail)
    {
        var pack = report.Packs.Single(p => p.Code == code);
        Assert.Equal(PackStatus.Skipped, pack.Status);
        Assert.Contains(detail, Assert.Single(pack.Errors, e => e.Code == findingCode).Detail);
    }
}
