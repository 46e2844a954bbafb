using Valhalla.Contracts.Catalog;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Tests.Validation;

/// <summary>Requirements across packs and the load order, as tables of codes: no folders.</summary>
public sealed class DependencyChecksTests
{
    [Fact]
    public void Independent_packs_load_in_ordinal_code_order()
    {
        var (findings, order) = Check(("X-b", []), ("X-C", []), ("X-A", []));

        Assert.Equal(["X-A", "X-C", "X-b"], order);
        Assert.All(findings.Values, Assert.Empty);
    }

    [Fact]
    public void A_pack_loads_after_every_pack_it_requires()
    {
        var (_, order) = Check(("X-A", ["X-C", "X-B"]), ("X-B", ["X-C"]), ("X-C", []), ("X-D", []));

        Assert.Equal(["X-C", "X-B", "X-A", "X-D"], order);
    }

    [Fact]
    public void A_cycle_is_named_once_for_each_pack_in_it_and_none_of_them_loads()
    {
        var (findings, order) = Check(("X-A", ["X-B"]), ("X-B", ["X-C"]), ("X-C", ["X-A"]), ("X-D", []));

        Assert.Equal(["X-D"], order);
        foreach (var code in new[] { "X-A", "X-B", "X-C" })
        {
            var finding = Assert.Single(findings[code]);
            Assert.Equal(
                (code, Severity.Error, FindingCodes.RequiresCycle, "The pack's requirements form a cycle.",
                    "requires makes a cycle: X-A -> X-B -> X-C -> X-A. Remove one of these requirements."),
                (finding.Pack, finding.Severity, finding.Code, finding.Title, finding.Detail));
        }

        Assert.Empty(findings["X-D"]);
    }

    [Fact]
    public void A_pack_requiring_itself_is_a_cycle() =>
        Assert.Equal("requires makes a cycle: X-A -> X-A. Remove one of these requirements.", Assert.Single(Check(("X-A", ["X-A"])).Findings["X-A"]).Detail);

    [Fact]
    public void A_pack_requiring_a_cycle_is_unsatisfied_not_part_of_it()
    {
        var (findings, order) = Check(("X-A", ["X-B"]), ("X-B", ["X-A"]), ("X-Z", ["X-A"]));

        Assert.Empty(order);
        Assert.Equal(FindingCodes.RequiresUnsatisfied, Assert.Single(findings["X-Z"]).Code);
    }

    [Fact]
    public void An_absent_requirement_says_it_is_not_in_the_drop_folder()
    {
        var (findings, order) = Check(("X-A", ["X-B", "X-NOBODY"]), ("X-B", []));

        Assert.Equal(["X-B"], order);
        var finding = Assert.Single(findings["X-A"]);
        Assert.Equal(
            ("X-A", Severity.Error, FindingCodes.RequiresUnsatisfied, "A required pack is not available.",
                "requires 'X-NOBODY', which is not in the drop folder. Add or fix X-NOBODY, or remove it from requires."),
            (finding.Pack, finding.Severity, finding.Code, finding.Title, finding.Detail));
    }

    [Fact]
    public void An_invalid_requirement_says_it_is_there_but_not_valid_and_the_refusal_spreads()
    {
        var (findings, order) = DependencyChecks.Check(
            Requires(("X-A", ["X-B"]), ("X-B", ["X-C"]), ("X-C", []), ("X-E", [])),
            new HashSet<string> { "X-C" }, new HashSet<string> { "X-A", "X-B", "X-C", "X-E" });

        Assert.Equal(["X-E"], order);
        Assert.Empty(findings["X-C"]);
        Assert.Equal(
            "requires 'X-C', which is in the drop folder but is not valid (see its errors). Add or fix X-C, or remove it from requires.",
            Assert.Single(findings["X-B"]).Detail);
        Assert.Equal("requires 'X-B', which is in the drop folder but is not valid (see its errors). Add or fix X-B, or remove it from requires.",
            Assert.Single(findings["X-A"]).Detail);
    }

    [Fact]
    public void A_duplicated_code_left_out_of_the_table_is_there_but_not_valid()
    {
        var (findings, _) = DependencyChecks.Check(Requires(("X-A", ["X-DUP"])), new HashSet<string>(), new HashSet<string> { "X-A", "X-DUP" });

        Assert.Contains("which is in the drop folder but is not valid", Assert.Single(findings["X-A"]).Detail);
    }

    [Fact]
    public void The_refusal_spreads_up_a_chain_listed_in_any_order()
    {
        var (findings, order) = Check(("X-A", ["X-B"]), ("X-B", ["X-C"]), ("X-C", ["X-NOBODY"]));

        Assert.Empty(order);
        Assert.All(["X-A", "X-B", "X-C"], code => Assert.Equal(FindingCodes.RequiresUnsatisfied, Assert.Single(findings[code]).Code));
    }

    [Fact]
    public void Packs_that_were_serving_load_first_then_by_code()
    {
        var (_, order) = DependencyChecks.Check(
            Requires(("X-A", []), ("X-B", []), ("X-C", []), ("X-D", [])), new HashSet<string>(), new HashSet<string>(), new HashSet<string> { "X-D", "X-B" });

        Assert.Equal(["X-B", "X-D", "X-A", "X-C"], order);
    }

    private static (Dictionary<string, List<Finding>> Findings, List<string> Order) Check(params (string Code, string[] Requires)[] packs) =>
        DependencyChecks.Check(Requires(packs), new HashSet<string>(), packs.Select(p => p.Code).ToHashSet());

    private static Dictionary<string, IReadOnlyList<string>> Requires(params (string Code, string[] Requires)[] packs) =>
        packs.ToDictionary(p => p.Code, p => (IReadOnlyList<string>)p.Requires);
}
