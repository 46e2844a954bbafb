using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Valhalla.Testing;
using Valhalla.Testing.Authoring;

namespace Valhalla.EndToEnd.Tests.Authoring;

/// <summary>The reminders sample's API, dropped as built into a real host.</summary>
[Collection(AuthoringCollection.Name)]
public sealed class RemindersHttpTests(AuthoringKit kit) : IAsyncLifetime
{
    private readonly HostFolders _folders = new();
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        _folders.DropBuild(await kit.SampleAsync(), "Valhalla.Samples.Reminders");
        _host = await _folders.StartAsync();
        _host.Report.AssertLoaded("P-REMIND-1");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folders.Dispose();
    }

    [Fact]
    public async Task A_posted_reminder_is_201_with_its_id_and_creation_time_and_is_listed_by_due_date()
    {
        var created = await _host.Client.PostAsJsonAsync("core/reminders", new { title = "Pay rent", due = "2026-12-01" });
        await _host.Client.PostAsJsonAsync("core/reminders", new { title = "Renew insurance", due = "2027-03-15" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var reminder = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((long?)reminder["id"] > 0);
        Assert.Equal("Pay rent", (string?)reminder["title"]);
        Assert.Equal("2026-12-01", (string?)reminder["due"]);
        Assert.NotNull((string?)reminder["created_at"]);

        var soon = (await _host.Client.GetFromJsonAsync<JsonObject>("core/reminders?due_before=2027-01-01"))!;
        var listed = Assert.Single(soon["items"]!.AsArray())!;
        Assert.Equal(reminder.ToJsonString(), listed.ToJsonString());
        var all = (await _host.Client.GetFromJsonAsync<JsonObject>("core/reminders"))!;
        Assert.Equal(["Pay rent", "Renew insurance"], all["items"]!.AsArray().Select(r => (string?)r!["title"]));
    }

    [Fact]
    public async Task A_too_long_title_is_a_400_problem_naming_title()
    {
        var response = await _host.Client.PostAsJsonAsync("core/reminders", new { title = new string('x', SampleEdits.ShippedMaxTitleLength + 1), due = "2026-12-01" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["title"], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task An_empty_title_and_an_unparsable_date_are_a_400_problem_naming_both()
    {
        var response = await _host.Client.PostAsJsonAsync("core/reminders", new { title = "", due = "2026-02-30" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["due", "title"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unparsable_due_before_is_a_400_problem_naming_it()
    {
        var response = await _host.Client.GetAsync("core/reminders?due_before=next-week");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["due_before"]);
    }
}
