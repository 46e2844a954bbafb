using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Live;

/// <summary>Cross-pack services come and go with their packs; callers fall back and keep serving.</summary>
public sealed class OptionalServicesTests : LiveHostTest
{
    [Fact]
    public async Task Without_the_budget_pack_the_ledger_stops_checking_buckets_and_checks_them_again_when_it_returns()
    {
        var budget = Folders.Drop(BuiltPacks.Budget);
        Folders.Drop(BuiltPacks.Transactions);
        await Host.WaitForLoadedAsync("P-BUDGET-1");
        await Host.WaitForLoadedAsync("P-BUDGET-2");
        var unknownBucket = new { tx_type = "expense", amount = 12, date = "2026-01-05", description = "Tea", bucket_id = "bk_abcdefabcdef" };
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PostAsJsonAsync("core/transactions", unknownBucket)).StatusCode);

        var parked = Path.Combine(Folders.DataRoot, "..", "budget-parked");
        Directory.Move(budget, parked);
        await Host.WaitForReportAsync(r => r.Packs.All(p => p.Code != "P-BUDGET-1"));

        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync("core/transactions", unknownBucket)).StatusCode);

        Directory.Move(parked, budget);
        await Host.WaitForLoadedAsync("P-BUDGET-1");
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PostAsJsonAsync("core/transactions", unknownBucket)).StatusCode);
        var listed = await Client.GetFromJsonAsync<JsonObject>("core/transactions");
        Assert.Equal(1, (int?)listed!["total"]);
    }
}
