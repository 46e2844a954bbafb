using System.Net;
using System.Net.Http.Json;
using Valhalla.Contracts.Catalog;
using Valhalla.EndToEnd.Tests.Obligations;
using Valhalla.EndToEnd.Tests.Transactions;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Events;

/// <summary>No money event is lost: events wait in the ledger's outbox until an audit sink takes them, each once.</summary>
public sealed class EventDeliveryTests : IDisposable
{
    private const string Ledger = "P-BUDGET-2";
    private readonly HostFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task Events_posted_while_the_audit_pack_is_away_arrive_once_when_it_is_back()
    {
        _folders.Drop(BuiltPacks.Transactions);
        var audit = _folders.Drop(BuiltPacks.Audit);
        await using var host = await _folders.StartAsync();

        Directory.Delete(audit, recursive: true);
        await host.WaitForReportAsync(r => r.Packs.All(p => p.Code != "P-AUDIT-1"));
        var posted = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            posted.Add((string)(await host.Client.PostOkAsync(new { tx_type = "expense", amount = 1 + i, date = "2026-01-05" }))["id"]!);
        }

        Assert.Equal(20, await host.Client.PendingEventsAsync(Ledger));

        _folders.Drop(BuiltPacks.Audit);
        await host.WaitForLoadedAsync("P-AUDIT-1");
        var trail = await host.Client.WaitForAuditAsync(20, "?pack=P-BUDGET-2&limit=500");

        await Eventually.WaitAsync(() => host.Client.PendingEventsAsync(Ledger), n => n == 0, "an empty outbox");
        Assert.Equal(20, (int)(await host.Client.AuditAsync("?pack=P-BUDGET-2"))["total"]!);
        Assert.Equal(posted.Order(), trail["items"]!.AsArray().Select(e => (string)e!["subject_id"]!).Order());
    }

    [Fact]
    public async Task Replacing_the_ledger_while_it_posts_loses_and_duplicates_no_event()
    {
        var ledger = _folders.Drop(BuiltPacks.Transactions);
        _folders.Drop(BuiltPacks.Audit);
        await using var host = await _folders.StartAsync();
        using var stop = new CancellationTokenSource();
        var posters = Enumerable.Range(0, 3).Select(_ => Task.Run(() => PostUntilAsync(host.Client, stop.Token))).ToList();

        foreach (var version in new[] { "1.1.0", "1.2.0" })
        {
            BuiltPacks.EditManifest(ledger, m => m["version"] = version);
            await host.WaitForLoadedAsync(Ledger, version);
        }

        await stop.CancelAsync();
        var posted = (await Task.WhenAll(posters)).SelectMany(ids => ids).ToList();
        var trail = await host.Client.WaitForAuditAsync(posted.Count, "?pack=P-BUDGET-2&limit=500");

        Assert.InRange(posted.Count, 1, 500);
        Assert.Equal(posted.Order(), trail["items"]!.AsArray().Select(e => (string)e!["subject_id"]!).Order());
        Assert.Equal(posted.Count, (int)trail["total"]!);
    }

    // Posts until stopped, at most 150 times; every answer must be a 201.
    private static async Task<List<string>> PostUntilAsync(HttpClient client, CancellationToken stop)
    {
        var ids = new List<string>();
        while (!stop.IsCancellationRequested && ids.Count < 150)
        {
            ids.Add((string)(await client.PostOkAsync(new { tx_type = "income", amount = 1, date = "2026-01-05" }))["id"]!);
        }

        return ids;
    }

    [Fact]
    public async Task Events_acknowledged_but_not_delivered_before_the_host_stopped_are_delivered_once_after_a_restart()
    {
        _folders.Drop(BuiltPacks.Transactions);
        _folders.Drop(BuiltPacks.Audit);
        var posted = new List<string>();
        await using (var stopped = await _folders.StartAsync("--Valhalla:DeliverEvents=false"))
        {
            for (var i = 0; i < 10; i++)
            {
                var response = await stopped.Client.PostAsync(new { tx_type = "income", amount = 100 + i, date = "2026-01-05" });
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                posted.Add((string)(await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!);
            }

            Assert.Equal(10, await stopped.Client.PendingEventsAsync(Ledger));
            Assert.Equal(0, (int)(await stopped.Client.AuditAsync())["total"]!);
        }

        await using var restarted = await _folders.StartAsync();
        var trail = await restarted.Client.WaitForAuditAsync(10);

        await Eventually.WaitAsync(() => restarted.Client.PendingEventsAsync(Ledger), n => n == 0, "an empty outbox");
        Assert.Equal(10, (int)(await restarted.Client.AuditAsync())["total"]!);
        Assert.Equal(posted.Order(), trail["items"]!.AsArray().Select(e => (string)e!["subject_id"]!).Order());
        Assert.Equal(PackStatus.Loaded, restarted.Report.Packs.Single(p => p.Code == "P-AUDIT-1").Status);
    }

    [Fact]
    public async Task Killing_the_host_right_after_acknowledged_posts_loses_and_duplicates_no_event()
    {
        _folders.Drop(BuiltPacks.Transactions);
        _folders.Drop(BuiltPacks.Audit);
        var posted = new List<string>();
        var killed = HostProcess.Start(_folders);
        await using (killed)
        {
            Assert.True(await killed.ListeningAsync() is not null, killed.Output);
            var posts = Enumerable.Range(0, 4).Select(client => Task.Run(async () =>
            {
                var ids = new List<string>();
                for (var i = 0; i < 10; i++)
                {
                    ids.Add((string)(await killed.Client.PostOkAsync(new { tx_type = "income", amount = 100 + i, date = "2026-01-05" }))["id"]!);
                }

                return ids;
            }));
            posted.AddRange((await Task.WhenAll(posts)).SelectMany(ids => ids));

            // kill -9 while the dispatcher may be mid-delivery: no shutdown code runs, nothing is flushed.
            await killed.KillAsync();
        }

        await using var restarted = await _folders.StartAsync();
        var trail = await restarted.Client.WaitForAuditAsync(posted.Count, "?pack=P-BUDGET-2&limit=500");

        await Eventually.WaitAsync(() => restarted.Client.PendingEventsAsync(Ledger), n => n == 0, "an empty outbox");
        Assert.Equal(40, posted.Count);
        Assert.Equal(posted.Count, (int)(await restarted.Client.AuditAsync("?pack=P-BUDGET-2"))["total"]!);
        Assert.Equal(posted.Order(), trail["items"]!.AsArray().Select(e => (string)e!["subject_id"]!).Order());
    }
}
