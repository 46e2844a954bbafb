using Valhalla.Host.Lifecycle;
using static Valhalla.Host.Tests.Lifecycle.PlanNotation;

namespace Valhalla.Host.Tests.Lifecycle;

/// <summary>The lifecycle rules, one row each; see <see cref="PlanNotation"/> for how a row reads.</summary>
public sealed class LifecyclePlannerTests
{
    public static TheoryData<string, string, string, string, string, string, string> Rules => new()
    {
        // rule, folders, running, failed, quarantined, request, plan
        { "start-up starts every valid pack in order", "A:v1 B:v1>A", "", "", "", "startup", "Start A New; Start B New after A" },
        { "invalid files are skipped, and so are the packs needing them", "A:v1! B:v1>A", "", "", "", "startup",
            "Report:Skipped A InvalidFiles; Report:Skipped B RequiresNotRunning [requires_not_loaded]" },
        { "an unreadable manifest is skipped", "A:v1?", "", "", "", "startup", "Report:Skipped a InvalidFiles" },
        { "unchanged files keep the pack", "A:v1", "A:v1", "", "", "change", "Keep A Unchanged" },
        { "changed files replace the pack", "A:v2", "A:v1", "", "", "change", "Replace A FilesChanged" },
        { "a moved folder replaces the pack", "A@new:v1", "A@old:v1", "", "", "change", "Replace A Moved" },
        { "a gone folder unloads, dependents first", "", "A:v1 B:v1>A", "", "", "change", "Unload B FolderGone; Unload A FolderGone" },
        { "a pack goes with the pack it requires", "B:v1>A", "A:v1 B:v1>A", "", "", "change",
            "Unload A FolderGone; Unload B RequiredPackGone; Report:Skipped B RequiresNotRunning [requires_not_loaded]" },
        { "invalid new files leave the previous copy serving", "A:v2!", "A:v1", "", "", "change",
            "Keep A InvalidFiles [previous_copy_serving]" },
        { "an unreadable manifest leaves the previous copy serving", "A:v2?", "A:v1", "", "", "change",
            "Keep A InvalidFiles [previous_copy_serving]" },
        { "new files needing a missing pack leave the previous copy serving", "A:v2>Z", "A:v1", "", "", "change",
            "Keep A RequiresNotRunning [requires_not_loaded, previous_copy_serving]" },
        { "a new pack needing a missing pack is skipped", "B:v1>Z", "", "", "", "change",
            "Report:Skipped B RequiresNotRunning [requires_not_loaded]" },
        { "a failed start is not retried on the same files", "A:v1", "", "A:v1", "", "change", "Report:Failed A FailedBefore [pack_load_failed]" },
        { "a failed start is retried when the files change", "A:v2", "", "A:v1", "", "change", "Start A FilesChanged" },
        { "failed new files leave the previous copy serving", "A:v2", "A:v1", "A:v2", "", "change",
            "Keep A FailedBefore [pack_load_failed, previous_copy_serving]" },
        { "a failed requirement skips its dependents", "A:v1 B:v1>A", "", "A:v1", "", "change",
            "Report:Failed A FailedBefore [pack_load_failed]; Report:Skipped B RequiresNotRunning [requires_not_loaded]" },
        { "a replaced requirement needs no waiting", "A:v2 B:v1>A", "A:v1", "", "", "change", "Replace A FilesChanged; Start B New" },
        { "a quarantined pack is skipped", "A:v1", "", "", "A:v1", "startup", "Report:Skipped A Quarantined [pack_quarantined]" },
        { "changed files lift the quarantine", "A:v2", "", "", "A:v1", "change", "Start A New lifting" },
        { "another pack's quarantine holds nothing back", "A:v1", "", "", "B:v1", "startup", "Start A New" },
        { "a reload lifts the quarantine", "A:v1", "", "", "A:v1", "reload A", "Start A Reloaded lifting" },
        { "a reload retries a failed start", "A:v1", "", "A:v1", "", "reload A", "Start A Reloaded lifting" },
        { "a reload restarts unchanged files", "A:v1", "A:v1", "", "", "reload A", "Replace A Reloaded lifting" },
        { "a reload reaches the packs requiring the reloaded one", "A:v1 B:v2>A C:v2", "A:v1 B:v1>A C:v1", "", "", "reload A",
            "Replace A Reloaded lifting; Replace B FilesChanged; Keep C NotAsked" },
        { "a reload reaches indirect dependents", "A:v1 B:v1>A C:v2>B", "A:v1 B:v1>A C:v1>B", "", "", "reload A",
            "Replace A Reloaded lifting; Keep B Unchanged; Replace C FilesChanged" },
        { "a reload unloads no other gone pack", "A:v1", "A:v1 C:v1", "", "", "reload A", "Replace A Reloaded lifting" },
        { "a reload starts no other new pack", "A:v1 D:v1 E:v1", "A:v1", "E:v1", "", "reload A",
            "Replace A Reloaded lifting; Report:Valid D NotAsked; Report:Failed E FailedBefore [pack_load_failed]" },
        { "a reload of a gone pack unloads it and its dependents", "B:v1>A", "A:v1 B:v1>A", "", "", "reload A",
            "Unload A FolderGone; Unload B RequiredPackGone; Report:Skipped B RequiresNotRunning [requires_not_loaded]" },
        { "a stray copy of a serving pack changes nothing", "A:v1 A@a-bak:v1!", "A:v1", "", "", "change",
            "Keep A Unchanged; Report:Skipped A InvalidFiles" },
        { "a moved pack matches one folder, not also a stray copy", "A@new:v1 A@new-bak:v1!", "A@old:v1", "", "", "change",
            "Replace A Moved; Report:Skipped A InvalidFiles" },
        { "a reload unloads a gone pack that requires the reloaded one", "A:v1", "A:v1 B:v1>A", "", "", "reload A",
            "Unload B FolderGone; Replace A Reloaded lifting" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Plans_by_the_rule(string rule, string folders, string running, string failed, string quarantined, string request, string plan)
    {
        _ = rule;
        Assert.Equal(plan, Read(LifecyclePlanner.Plan(Input(folders, running, failed, quarantined, request))));
    }

    [Theory]
    [InlineData("change", "A:v1", "A:v1", true)]
    [InlineData("change", "A:v1", "A:v2", false)]
    [InlineData("change", "A:v1", "A:v1 B:v1", false)]
    [InlineData("change", "A:v1 B:v1", "A:v1 C:v1", false)]
    [InlineData("reload A", "A:v1", "A:v1", false)]
    [InlineData("startup", "A:v1", "A:v1", false)]
    public void Nothing_changed_only_when_a_change_left_every_folder_as_it_was(string request, string seen, string now, bool nothing)
    {
        var before = Input(seen, request: request);
        var after = Input(now, request: request);
        Assert.Equal(nothing, LifecyclePlanner.NothingChanged(after.Request, before.Fingerprints, after.Fingerprints));
    }

    [Fact]
    public void Nothing_is_unchanged_before_the_first_pass() =>
        Assert.False(LifecyclePlanner.NothingChanged(LifecycleRequest.Change, null, Input("A:v1").Fingerprints));
}
