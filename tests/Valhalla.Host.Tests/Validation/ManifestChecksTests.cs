using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Configuration;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Tests.Validation;

/// <summary>A manifest's own fields, checked alone (no folder, no data paths): each refusal's code, title and words.</summary>
public sealed class ManifestChecksTests
{
    private static readonly ValhallaPaths Paths = new("/nowhere/data", "/nowhere/data/packs");

    [Fact]
    public void A_good_manifest_has_no_finding() => Assert.Empty(Check(Good));

    [Fact]
    public void A_null_list_item_is_the_only_finding_and_names_its_place()
    {
        var finding = Assert.Single(Check(Good with { Code = "bad code", Requires = ["X-A", null!] }));

        Assert.Equal(
            (Severity.Error, FindingCodes.ManifestInvalid, "The manifest has a null list item.", "field 'requires[1]' is null. Put a string there or remove the item."),
            (finding.Severity, finding.Code, finding.Title, finding.Detail));
    }

    [Theory]
    [InlineData("data_paths", "data_paths[0]")]
    [InlineData("requires", "requires[0]")]
    [InlineData("tags", "tags[0]")]
    public void The_first_null_item_of_each_list_is_named(string list, string named)
    {
        IReadOnlyList<string> withNull = [null!];
        var manifest = list switch
        {
            "data_paths" => Good with { DataPaths = withNull, Tags = ["x", null!] },
            "requires" => Good with { Requires = withNull, Tags = ["x", null!] },
            _ => Good with { Tags = withNull },
        };

        Assert.Equal(named, ManifestChecks.NullItem(manifest));
    }

    [Fact]
    public void A_manifest_without_null_items_has_none() => Assert.Null(ManifestChecks.NullItem(Good with { Tags = ["a", "b"] }));

    [Theory]
    [InlineData("P-BUDGET-1", true)]
    [InlineData("P-B", true)]
    [InlineData("PBUDGET", false)]
    [InlineData("p-budget-1", false)]
    [InlineData("1-BUDGET", false)]
    [InlineData("P-BUDGET-", false)]
    [InlineData("xP-BUDGET", false)]
    [InlineData("P-BUDGETx", false)]
    public void A_code_is_upper_case_words_joined_by_dashes(string code, bool good)
    {
        var findings = Check(Good with { Code = code });

        if (good)
        {
            Assert.Empty(findings);
            return;
        }

        var finding = Assert.Single(findings);
        Assert.Equal(
            (FindingCodes.CodeInvalid, code, "The pack code is malformed.", $"code '{code}' must be upper-case words joined by dashes, e.g. P-BUDGET-1."),
            (finding.Code, finding.Pack, finding.Title, finding.Detail));
    }

    [Theory]
    [InlineData("1.0.0", true)]
    [InlineData("10.20.30-beta.1+build.5", true)]
    [InlineData("1.0", false)]
    [InlineData("v1.0.0", false)]
    [InlineData("1.0.0x", false)]
    public void A_version_is_major_minor_patch(string version, bool good)
    {
        var findings = Check(Good with { Version = version });

        if (good)
        {
            Assert.Empty(findings);
            return;
        }

        var finding = Assert.Single(findings);
        Assert.Equal(
            (FindingCodes.VersionInvalid, "The pack version is malformed.", $"version '{version}' must be MAJOR.MINOR.PATCH, e.g. 1.0.0 (a -prerelease suffix is allowed)."),
            (finding.Code, finding.Title, finding.Detail));
    }

    [Theory]
    [InlineData("v1.3")]
    [InlineData("1.3.0")]
    [InlineData("1.3x")]
    [InlineData("x1.3")]
    public void A_malformed_contracts_version_says_the_form(string contracts)
    {
        var finding = Assert.Single(Check(Good with { Contracts = contracts }));

        Assert.Equal(
            (FindingCodes.ContractsInvalid, "The contracts version is malformed.", $"contracts '{contracts}' must be MAJOR.MINOR, e.g. {ContractsVersion.Current}."),
            (finding.Code, finding.Title, finding.Detail));
    }

    [Fact]
    public void Another_major_says_which_to_rebuild_against()
    {
        var contracts = $"{ContractsVersion.Major + 1}.0";

        var finding = Assert.Single(Check(Good with { Contracts = contracts }));

        Assert.Equal(
            (FindingCodes.ContractsMajorMismatch, "The pack was built against other contracts.",
                $"contracts is {contracts} but this host offers {ContractsVersion.Current}; the major versions must be equal. Rebuild the pack against Valhalla.Contracts {ContractsVersion.Major}.x."),
            (finding.Code, finding.Title, finding.Detail));
    }

    [Fact]
    public void A_newer_minor_says_the_pack_may_call_what_the_host_lacks()
    {
        var contracts = $"{ContractsVersion.Major}.{ContractsVersion.Minor + 1}";

        var finding = Assert.Single(Check(Good with { Contracts = contracts }));

        Assert.Equal(
            (FindingCodes.ContractsMinorNewer, "The pack needs newer contracts than this host has.",
                $"contracts is {contracts} but this host offers {ContractsVersion.Current}; the pack may call members this host lacks. Update the host, or build the pack against Valhalla.Contracts {ContractsVersion.Current}."),
            (finding.Code, finding.Title, finding.Detail));
    }

    [Fact]
    public void The_hosts_own_minor_is_accepted() =>
        Assert.Empty(Check(Good with { Contracts = ContractsVersion.Current }));

    [Theory]
    [InlineData("Valhalla.Packs.Budget", true)]
    [InlineData("_Budget.V2", true)]
    [InlineData("Budget.dll.", false)]
    [InlineData("packs/Budget", false)]
    [InlineData("2Budget", false)]
    [InlineData("Budget-1", false)]
    [InlineData(".Budget", false)]
    public void A_module_is_an_assembly_name(string module, bool good)
    {
        var findings = Check(Good with { Module = module });

        if (good)
        {
            Assert.Empty(findings);
            return;
        }

        var finding = Assert.Single(findings);
        Assert.Equal(
            (FindingCodes.ModuleMissing, "The module name is not an assembly name.",
                $"module '{module}' must be an assembly name without folders or extension, e.g. Valhalla.Packs.Budget."),
            (finding.Code, finding.Title, finding.Detail));
    }

    [Fact]
    public void Each_bad_field_is_its_own_finding_in_manifest_order()
    {
        var findings = Check(Good with { Code = "bad", Version = "1", Contracts = "x", Module = "a/b", RoutePrefix = "bad" });

        Assert.Equal(
            [FindingCodes.CodeInvalid, FindingCodes.VersionInvalid, FindingCodes.ContractsInvalid, FindingCodes.ModuleMissing, FindingCodes.RoutePrefixInvalid],
            findings.Select(f => f.Code));
        Assert.All(findings, f => Assert.Equal(("bad", Severity.Error), (f.Pack, f.Severity)));
    }

    [Fact]
    public void Page_findings_come_from_the_manifest_check_too()
    {
        var findings = Check(Good with { Pages = [new PackPage { Path = "/elsewhere/page", Title = "Page" }] });

        Assert.Equal([FindingCodes.PagePathInvalid], findings.Select(f => f.Code));
    }

    [Fact]
    public void Data_path_findings_come_from_the_manifest_check_too()
    {
        var findings = Check(Good with { DataPaths = ["/abs/budget.db"] });

        Assert.Equal([FindingCodes.DataPathAbsolute], findings.Select(f => f.Code));
    }

    [Fact]
    public void An_error_is_an_error_of_the_pack_with_its_words() =>
        Assert.Equal(new Finding("X-A", Severity.Error, "c", "t", "d"), ManifestChecks.Error("X-A", "c", "t", "d"));

    private static readonly PackManifest Good = new()
    {
        Code = "P-BUDGET-1",
        Name = "Budget",
        Version = "1.0.0",
        Module = "Valhalla.Packs.Budget",
        RouterSymbol = "Valhalla.Packs.Budget.BudgetPack",
        RoutePrefix = "/core/budget",
        Contracts = ContractsVersion.Current,
    };

    private static List<Finding> Check(PackManifest manifest) => [.. ManifestChecks.Check(manifest, Paths)];
}
