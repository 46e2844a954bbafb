using System.Net;
using Valhalla.Contracts.Catalog;
using Valhalla.EndToEnd.Tests.Transactions;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Hostile;

/// <summary>Endpoint names are unique across the app: a pack that reuses one fails alone, and every other route keeps answering.</summary>
public sealed class EndpointNameTests() : HostTest(BuiltPacks.Registry, BuiltPacks.Budget, BuiltPacks.Transactions)
{
    [Fact]
    public async Task A_copy_of_a_pack_under_another_code_fails_alone_and_every_route_keeps_answering()
    {
        var groceries = await Client.CreateBucketAsync("Groceries", "essentials", 900);

        Folders.Drop(BuiltPacks.Budget, "budget-copy", FixtureManifests.BudgetCopy("P-BUDGET-COPY", "budget-copy"));
        var report = await Host.WaitForReportAsync(r => r.Packs.Any(p => p.Code == "P-BUDGET-COPY" && p.Status == PackStatus.Failed));

        var error = Assert.Single(report.Packs.Single(p => p.Code == "P-BUDGET-COPY").Errors);
        Assert.Equal("endpoint_name_conflict", error.Code);
        Assert.Contains("'CreateBucket' (P-BUDGET-1)", error.Detail);
        Assert.All(report.Packs.Where(p => p.Code != "P-BUDGET-COPY"), p => Assert.Equal(PackStatus.Loaded, p.Status));
        await AssertEveryRouteAnswersAsync(groceries);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("core/budget-copy/buckets")).StatusCode);
    }

    [Fact]
    public async Task After_a_restart_the_pack_that_was_serving_keeps_its_names_even_when_the_copy_starts_first_by_code()
    {
        var groceries = await Client.CreateBucketAsync("Groceries", "essentials", 900);

        // A-BUDGET-1 sorts before P-BUDGET-1, so on a first start it would start first and take the names.
        await RestartAsync(whileStopped: () => Folders.Drop(BuiltPacks.Budget, "budget-copy", FixtureManifests.BudgetCopy("A-BUDGET-1", "budget-copy")));

        Assert.Equal(PackStatus.Loaded, Host.Report.Packs.Single(p => p.Code == "P-BUDGET-1").Status);
        var copy = Host.Report.Packs.Single(p => p.Code == "A-BUDGET-1");
        Assert.Equal(PackStatus.Failed, copy.Status);
        Assert.Equal("endpoint_name_conflict", Assert.Single(copy.Errors).Code);
        await AssertEveryRouteAnswersAsync(groceries);
    }

    [Fact]
    public async Task A_pack_naming_an_endpoint_as_the_host_does_or_twice_itself_fails_alone()
    {
        Folders.Drop(BuiltPacks.Hostile, "host-name", FixtureManifests.Hostile("X-HOST-NAME-1", "HostNamePack", "host-name"));
        Folders.Drop(BuiltPacks.Hostile, "twin-names", FixtureManifests.Hostile("X-TWIN-NAMES-1", "TwinNamesPack", "twin-names"));
        var report = await Host.WaitForReportAsync(r => r.Packs.Count(p => p.Code.StartsWith("X-", StringComparison.Ordinal) && p.Status == PackStatus.Failed) == 2);

        var hostName = Assert.Single(report.Packs.Single(p => p.Code == "X-HOST-NAME-1").Errors);
        Assert.Equal("endpoint_name_conflict", hostName.Code);
        Assert.Contains("'GetHealth' (the host)", hostName.Detail);
        var twins = Assert.Single(report.Packs.Single(p => p.Code == "X-TWIN-NAMES-1").Errors);
        Assert.Equal("endpoint_name_conflict", twins.Code);
        Assert.Contains("'Twin'", twins.Detail);
        await AssertEveryRouteAnswersAsync(await Client.CreateBucketAsync("Rent", "essentials", 1200));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("hostile/host-name/ping")).StatusCode);
    }

    private async Task AssertEveryRouteAnswersAsync(string bucketId)
    {
        foreach (var route in new[] { "health", "openapi/v1.json", "core/packs", "core/budget/buckets", $"core/budget/buckets/{bucketId}", "core/transactions" })
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(route)).StatusCode);
        }

        var posted = await Client.PostAsync(new { tx_type = "expense", amount = 12.5, date = "2026-01-05", description = "Bread", bucket_id = bucketId, priority = "A" });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
    }
}
