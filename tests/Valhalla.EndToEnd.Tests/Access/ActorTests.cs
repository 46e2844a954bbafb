using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.EndToEnd.Tests.Obligations;
using Valhalla.EndToEnd.Tests.Transactions;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Access;

/// <summary>Packs see who called: money events record the name of the key that made the change.</summary>
public sealed class ActorTests() : HostTest(BuiltPacks.Budget, BuiltPacks.Transactions, BuiltPacks.Audit)
{
    [Fact]
    public async Task Each_money_event_names_the_key_that_made_it()
    {
        var phone = Host.ClientWith(await Client.CreateKeyAsync("phone", "write"));
        var bucket = await Client.CreateBucketAsync("Groceries", "essentials", 900);

        var posted = await phone.PostOkAsync(new { tx_type = "expense", amount = 12.5, date = "2026-01-05", bucket_id = bucket });

        var trail = await Client.WaitForAuditAsync(2);
        var actors = trail["items"]!.AsArray().ToDictionary(e => (string)e!["subject_id"]!, e => (string?)e!["actor"]);
        Assert.Equal("owner", actors[bucket]);
        Assert.Equal("phone", actors[(string)posted["id"]!]);
    }
}
