using Valhalla.Contracts.Catalog;
using Valhalla.Host.Lifecycle;
using static Valhalla.Host.Tests.Lifecycle.PlanNotation;

namespace Valhalla.Host.Tests.Lifecycle;

/// <summary>What the lifecycle's findings and actions say, beyond their codes.</summary>
public sealed class LifecycleFindingsTests
{
    [Fact]
    public void The_previous_copy_finding_names_its_version_and_why_and_is_a_warning()
    {
        var keep = Assert.IsType<KeepAction>(LifecyclePlanner.Plan(Input("A:v2!", running: "A:v1")).Single());

        var finding = Assert.Single(keep.Findings);
        Assert.Equal((Severity.Warning, FindingCodes.PreviousCopyServing, "A"), (finding.Severity, finding.Code, finding.Pack));
        Assert.Contains("A v1 keeps serving from the files it was loaded from: the files now in its folder are not valid.", finding.Detail);
        Assert.Contains("reloads the pack", finding.Detail);
        Assert.DoesNotContain("/core/packs", finding.Detail);
    }

    [Fact]
    public void Failed_new_files_say_so_in_the_previous_copy_finding()
    {
        var keep = Assert.IsType<KeepAction>(LifecyclePlanner.Plan(Input("A:v2", running: "A:v1", failed: "A:v2")).Single());

        Assert.Contains("its new files failed to start", keep.Findings[1].Detail);
    }

    [Fact]
    public void A_missing_requirement_is_an_error_naming_it()
    {
        var report = Assert.IsType<ReportAction>(LifecyclePlanner.Plan(Input("B:v1>Z")).Single());

        var finding = Assert.Single(report.Findings);
        Assert.Equal((Severity.Error, "B"), (finding.Severity, finding.Pack));
        Assert.Contains("requires: Z is not running, so B was not started", finding.Detail);
    }

    [Fact]
    public void New_files_needing_a_missing_pack_say_which()
    {
        var keep = Assert.IsType<KeepAction>(LifecyclePlanner.Plan(Input("A:v2>Z", running: "A:v1")).Single());

        Assert.Contains("its new files require Z, which is not running", keep.Findings[1].Detail);
    }

    [Fact]
    public void A_quarantine_is_an_error_giving_its_reason_without_the_registry_routes()
    {
        var report = Assert.IsType<ReportAction>(LifecyclePlanner.Plan(Input("A:v1", quarantined: "A:v1", request: "startup")).Single());

        var finding = Assert.Single(report.Findings);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.StartsWith("it crashed the host. ", finding.Detail);
        Assert.DoesNotContain("/core/packs", finding.Detail);
    }

    [Fact]
    public void Changing_files_are_a_warning_saying_how()
    {
        var finding = LifecycleFindings.FilesChanging("A", "A: its files changed while the host copied them");

        Assert.Equal((Severity.Warning, FindingCodes.FilesChanging), (finding.Severity, finding.Code));
        Assert.Equal("A: its files changed while the host copied them. The pack is loaded once its files stop changing.", finding.Detail);
    }

    [Theory]
    [InlineData("A:v1", "A:v1", "reload A", "an admin reloaded it")]
    [InlineData("A:v2", "A:v1", "change", "its files changed")]
    public void A_start_says_why_a_quarantine_is_lifted(string folders, string quarantined, string request, string why)
    {
        var start = Assert.IsType<StartAction>(LifecyclePlanner.Plan(Input(folders, quarantined: quarantined, request: request)).Single());

        Assert.Equal(why, start.LiftQuarantine);
    }

    [Fact]
    public void Unloads_say_why()
    {
        var plan = LifecyclePlanner.Plan(Input("B:v1>A", running: "A:v1 B:v1>A"));

        Assert.Equal(
            ["its folder is gone from the drop folder", "it requires A, which is no longer loaded"],
            plan.OfType<UnloadAction>().Select(u => u.Why));
    }

    [Fact]
    public void A_failed_start_is_reported_with_its_load_time()
    {
        var report = Assert.IsType<ReportAction>(LifecyclePlanner.Plan(Input("A:v1", failed: "A:v1")).Single());

        Assert.Equal(1.5, report.LoadMs);
    }

    [Fact]
    public void Each_finding_has_its_title_and_whole_words()
    {
        var keep = Assert.IsType<KeepAction>(LifecyclePlanner.Plan(Input("A:v2>Z", running: "A:v1")).Single());
        var quarantined = Assert.IsType<ReportAction>(LifecyclePlanner.Plan(Input("A:v1", quarantined: "A:v1", request: "startup")).Single());

        Assert.Equal(
            [
                ("B", FindingCodes.RequiresNotLoaded, "A required pack is not running.",
                    "requires: Z is not running, so B was not started. Fix the required pack first; B starts when it does."),
                ("A", FindingCodes.RequiresNotLoaded, "A required pack is not running.",
                    "requires: Z is not running, so A was not started. Fix the required pack first; A starts when it does."),
                ("A", FindingCodes.PreviousCopyServing, "The copy of the pack loaded earlier keeps serving.",
                    "A v1 keeps serving from the files it was loaded from: its new files require Z, which is not running. Fix the files in its folder; "
                    + "the host tries again when they change, or when an admin reloads the pack."),
                ("A", FindingCodes.PackQuarantined, "The pack is quarantined: it ended the host's process.",
                    "it crashed the host. The host does not start it again until its files change or an admin reloads the pack."),
                ("A", FindingCodes.FilesChanging, "The pack's files are still changing.", "copying. The pack is loaded once its files stop changing."),
            ],
            new[] { LifecycleFindings.RequiresNotLoaded("B", "Z") }.Concat(keep.Findings).Concat(quarantined.Findings).Append(LifecycleFindings.FilesChanging("A", "copying"))
                .Select(f => (f.Pack, f.Code, f.Title, f.Detail)));
    }

    [Fact]
    public void An_action_is_about_its_packs_code_and_says_its_kind()
    {
        var plan = LifecyclePlanner.Plan(Input("A:v2 B:v1 C:v1!", running: "A:v1 D:v1"));

        Assert.Equal(
            [(PackActionKind.Unload, "D"), (PackActionKind.Replace, "A"), (PackActionKind.Start, "B"), (PackActionKind.Report, "C")],
            plan.Select(a => (a.Kind, a.Code)));
        Assert.Equal(PackActionKind.Keep, LifecyclePlanner.Plan(Input("A:v1", running: "A:v1")).Single().Kind);
    }
}
