using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;
using static Valhalla.Packs.Registry.Tests.FakeCatalog;

namespace Valhalla.Packs.Registry.Tests;

/// <summary>The registry's rules without HTTP: what it lists, how it judges a registration, what a reload answers.</summary>
public sealed class RegistryServiceTests : IAsyncLifetime
{
    private readonly RegistryFixture _f = new();

    public Task InitializeAsync() => _f.InitializeAsync();

    public Task DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task Discovered_packs_are_listed_by_code_with_what_the_host_did_with_them()
    {
        var budget = Manifest("P-BUDGET-1", tags: "budget");
        var alpha = Manifest("A-FIRST-1");
        var warning = Warning("P-BUDGET-1", "data_file_missing");
        var error = Error("A-FIRST-1", "entry_type_missing");
        _f.Catalog.Current = Report(Loaded(budget, warning), With(alpha, PackStatus.Skipped, error));

        var list = await _f.Registry.ListAsync(null, default);

        Assert.Equal(["A-FIRST-1", "P-BUDGET-1"], list.Select(p => p.Code));
        var entry = list[1];
        Assert.True(PrefixedId.IsValid(entry.Id, "pk"));
        Assert.Equal(
            ("P-BUDGET-1 pack", "1.0.0", PackStatus.Loaded, PackSources.Discovered, "p-budget-1", "/p-budget-1", 12.5),
            (entry.Name, entry.Version, entry.Status, entry.Source, entry.Folder, entry.RoutePrefix, entry.LoadMs));
        Assert.Equal(["budget"], entry.Tags);
        Assert.Equal(["p-budget-1/db.sqlite"], entry.DataPaths);
        Assert.Equal(["GET /p-budget-1/x"], entry.Routes);
        Assert.Empty(entry.Errors);
        Assert.Equal([warning], entry.Warnings);
        Assert.Equal((_f.Time.GetUtcNow(), _f.Time.GetUtcNow()), (entry.RegisteredAt, entry.UpdatedAt));
        Assert.Equal([error], list[0].Errors);
        Assert.Empty(list[0].Warnings);
        Assert.Equal(PackStatus.Skipped, list[0].Status);
    }

    [Fact]
    public async Task The_tag_filter_ignores_case()
    {
        _f.Catalog.Current = Report(Loaded(Manifest("P-A", tags: "Budget")), Loaded(Manifest("P-B", tags: "garden")));

        var budget = await _f.Registry.ListAsync("budget", default);

        Assert.Equal(["P-A"], budget.Select(p => p.Code));
    }

    [Fact]
    public async Task A_folder_whose_manifest_cannot_be_read_is_known_by_its_folder_name()
    {
        var broken = new PackReport("broken-folder", "broken-folder", PackStatus.Skipped, 0, [], [Error("broken-folder", "manifest_invalid")], null);
        _f.Catalog.Current = Report(broken);

        var listed = Assert.Single(await _f.Registry.ListAsync(null, default));
        var found = await _f.Registry.FindAsync("broken-folder", default);

        Assert.Equal(Json(listed), Json(found));
        Assert.Equal(("broken-folder", "broken-folder", null, PackStatus.Skipped, "broken-folder"), (listed.Code, listed.Name, listed.Id, listed.Status, listed.Folder));
        Assert.Equal("manifest_invalid", Assert.Single(listed.Errors).Code);
        Assert.Empty(await _f.Registry.ListAsync("anything", default));
        Assert.Null(await _f.Registry.FindAsync("missing", default));
    }

    [Fact]
    public async Task A_pack_seen_once_stays_known_after_its_folder_is_gone()
    {
        _f.Catalog.Current = Report(Loaded(Manifest("P-GONE")));
        await _f.Registry.ListAsync(null, default);

        _f.Catalog.Current = Report();
        var entry = await _f.Registry.FindAsync("P-GONE", default);

        Assert.Equal((PackStatus.Registered, (string?)null, (double?)null), (entry!.Status, entry.Folder, entry.LoadMs));
        Assert.Empty(entry.Routes);
    }

    [Fact]
    public async Task A_changed_manifest_in_a_new_report_updates_the_row_and_the_same_report_is_synced_once()
    {
        _f.Catalog.Current = Report(Loaded(Manifest("P-X", "1.0.0")));
        var first = (await _f.Registry.FindAsync("P-X", default))!;
        _f.Time.Advance(TimeSpan.FromHours(1));
        await _f.DeleteAllRowsAsync();

        var sameReport = await _f.Registry.FindAsync("P-X", default);
        _f.Catalog.Current = Report(Loaded(Manifest("P-X", "2.0.0")));
        var updated = (await _f.Registry.FindAsync("P-X", default))!;

        Assert.Null(sameReport);
        Assert.Equal("2.0.0", updated.Version);
        Assert.Equal(_f.Time.GetUtcNow(), updated.RegisteredAt);
        Assert.NotEqual(first.Id, updated.Id);
    }

    [Fact]
    public async Task An_unchanged_manifest_keeps_its_row_untouched_across_reports()
    {
        _f.Catalog.Current = Report(Loaded(Manifest("P-X")));
        var first = (await _f.Registry.FindAsync("P-X", default))!;
        _f.Time.Advance(TimeSpan.FromHours(1));

        _f.Catalog.Current = Report(Loaded(Manifest("P-X")), Loaded(Manifest("P-X"))); // a second folder claiming the code
        var again = (await _f.Registry.FindAsync("P-X", default))!;
        _f.Catalog.Current = Report(Loaded(Manifest("P-X", "1.1.0")));
        var changed = (await _f.Registry.FindAsync("P-X", default))!;

        Assert.Equal((first.Id, first.UpdatedAt), (again.Id, again.UpdatedAt));
        Assert.Equal((first.Id, first.RegisteredAt, _f.Time.GetUtcNow()), (changed.Id, changed.RegisteredAt, changed.UpdatedAt));
    }

    [Fact]
    public async Task Registering_a_new_code_creates_it_from_the_api_and_the_same_manifest_again_is_unchanged()
    {
        var manifest = Manifest("P-NEW");

        var created = await _f.Registry.RegisterAsync(manifest, default);
        var again = await _f.Registry.RegisterAsync(manifest, default);

        Assert.Equal((RegistrationOutcome.Created, PackSources.Api, PackStatus.Registered), (created.Outcome, created.Entry!.Source, created.Entry.Status));
        Assert.True(PrefixedId.IsValid(created.Entry.Id, "pk"), created.Entry.Id);
        Assert.Equal(RegistrationOutcome.Unchanged, again.Outcome);
        Assert.Empty(created.ConflictingFields);
        Assert.Equal(Json(created.Entry), Json(again.Entry));
        Assert.Empty(again.ConflictingFields);
        Assert.Equal(["P-NEW"], (await _f.Registry.ListAsync(null, default)).Select(p => p.Code));
    }

    [Fact]
    public async Task Registering_other_values_under_a_known_code_is_a_conflict_naming_every_differing_field()
    {
        var manifest = Manifest("P-NEW");
        await _f.Registry.RegisterAsync(manifest, default);

        var conflict = await _f.Registry.RegisterAsync(manifest with { Version = "2.0.0", Tags = ["x"] }, default);

        Assert.Equal(RegistrationOutcome.Conflict, conflict.Outcome);
        Assert.Equal(["version", "tags"], conflict.ConflictingFields);
        Assert.Equal("1.0.0", conflict.Entry!.Version);
    }

    [Fact]
    public async Task Registering_a_code_a_running_pack_holds_shows_its_live_status()
    {
        var manifest = Manifest("P-LIVE");
        _f.Catalog.Current = Report(Loaded(manifest));

        var registration = await _f.Registry.RegisterAsync(manifest, default);

        Assert.Equal((RegistrationOutcome.Unchanged, PackStatus.Loaded, PackSources.Discovered), (registration.Outcome, registration.Entry!.Status, registration.Entry.Source));
    }

    [Fact]
    public async Task Reloading_a_pack_that_now_serves_its_files_answers_its_entry()
    {
        var manifest = Manifest("P-R");
        _f.Catalog.Current = Report(Loaded(manifest));
        _f.Catalog.Reloads["P-R"] = Loaded(manifest, Warning("P-R", "data_file_missing"));

        var entry = await _f.Registry.ReloadAsync("P-R", default);

        Assert.Equal(("P-R", PackStatus.Loaded), (entry.Code, entry.Status));
        Assert.Equal(["P-R"], _f.Catalog.Reloaded);
    }

    [Fact]
    public async Task Reloading_a_pack_with_no_findings_answers_its_entry()
    {
        var manifest = Manifest("P-R");
        _f.Catalog.Current = Report(Loaded(manifest));
        _f.Catalog.Reloads["P-R"] = Loaded(manifest);

        var entry = await _f.Registry.ReloadAsync("P-R", default);

        Assert.Equal(PackStatus.Loaded, entry.Status);
    }

    [Fact]
    public async Task A_reload_the_registry_cannot_describe_afterwards_is_404()
    {
        _f.Catalog.Reloads["P-R"] = Loaded(Manifest("P-R"));

        var problem = await Assert.ThrowsAsync<PackProblemException>(() => _f.Registry.ReloadAsync("P-R", default));

        Assert.Equal((404, "Unknown pack."), (problem.Status, problem.Title));
        Assert.Contains("'P-R'", problem.Message);
    }

    [Fact]
    public async Task Reloading_an_unknown_code_is_404()
    {
        var problem = await Assert.ThrowsAsync<PackProblemException>(() => _f.Registry.ReloadAsync("P-NONE", default));

        Assert.Equal(404, problem.Status);
        Assert.Contains("'P-NONE'", problem.Message);
        Assert.NotEmpty(problem.Title);
    }

    [Fact]
    public async Task A_refused_reload_while_the_old_copy_serves_is_a_409_naming_the_errors_and_the_serving_version()
    {
        var manifest = Manifest("P-R", "1.4.0");
        _f.Catalog.Reloads["P-R"] = Loaded(manifest, Error("P-R", "entry_type_missing"), Warning("P-R", "previous_copy_serving"));

        var problem = await Assert.ThrowsAsync<PackProblemException>(() => _f.Registry.ReloadAsync("P-R", default));

        Assert.Equal(409, problem.Status);
        Assert.NotEmpty(problem.Title);
        Assert.Equal("entry_type_missing: detail of entry_type_missing P-R 1.4.0 keeps serving.", problem.Message);
    }

    [Fact]
    public async Task A_reload_that_left_only_the_previous_copy_serving_warning_says_so()
    {
        _f.Catalog.Reloads["P-R"] = Loaded(Manifest("P-R"), Warning("P-R", "previous_copy_serving"));

        var problem = await Assert.ThrowsAsync<PackProblemException>(() => _f.Registry.ReloadAsync("P-R", default));

        Assert.Equal("previous_copy_serving: detail of previous_copy_serving P-R 1.0.0 keeps serving.", problem.Message);
    }

    [Theory]
    [InlineData(PackStatus.Failed)]
    [InlineData(PackStatus.Skipped)]
    public async Task A_reload_that_left_nothing_serving_is_a_409_naming_why(PackStatus status)
    {
        _f.Catalog.Reloads["P-R"] = With(Manifest("P-R"), status, Error("P-R", "start_failed"), Error("P-R", "migration_failed"));

        var problem = await Assert.ThrowsAsync<PackProblemException>(() => _f.Registry.ReloadAsync("P-R", default));

        Assert.Equal((409, "start_failed: detail of start_failed migration_failed: detail of migration_failed"), (problem.Status, problem.Message));
        Assert.Equal("The pack could not be reloaded.", problem.Title);
    }

    [Fact]
    public async Task A_reload_of_files_still_being_copied_names_the_warning()
    {
        _f.Catalog.Reloads["P-R"] = With(Manifest("P-R"), PackStatus.Skipped, Warning("P-R", "files_changing"));

        var problem = await Assert.ThrowsAsync<PackProblemException>(() => _f.Registry.ReloadAsync("P-R", default));

        Assert.Equal("files_changing: detail of files_changing", problem.Message);
    }

    [Fact]
    public async Task Validation_is_summarised_in_the_seeds_shape()
    {
        var error = Error("P-B", "route_prefix_invalid");
        var warning = Warning("P-A", "data_file_missing");
        _f.Catalog.Validated = Report(Loaded(Manifest("P-A"), warning), With(Manifest("P-B"), PackStatus.Skipped, error), Loaded(Manifest("P-C")));

        var summary = await _f.Registry.ValidateAsync(default);

        Assert.Equal((false, 3), (summary.Ok, summary.Checked));
        Assert.Equal([error], summary.Errors);
        Assert.Equal([warning], summary.Warnings);
    }

    private static string Json(PackEntry? entry) => System.Text.Json.JsonSerializer.Serialize(entry);
}
