using Valhalla.Contracts.Catalog;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Tests.Validation;

/// <summary>A route prefix's form and its overlaps, checked alone: each refusal's code, title and words.</summary>
public sealed class RoutePrefixChecksTests
{
    [Theory]
    [InlineData("/core/budget", true)]
    [InlineData("/a", true)]
    [InlineData("/core/my_pack-1.x", true)]
    [InlineData("/core/..x", true)]
    [InlineData("core/budget", false)]
    [InlineData("/core/budget/", false)]
    [InlineData("/Core/budget", false)]
    [InlineData("/core/{id}", false)]
    [InlineData("/core//budget", false)]
    [InlineData("/core/budget x", false)]
    [InlineData("/", false)]
    [InlineData("/core/.", false)]
    [InlineData("/core/../budget", false)]
    public void A_prefix_is_well_formed_only_with_lower_case_segments_and_no_dot_segment(string prefix, bool wellFormed) =>
        Assert.Equal(wellFormed, RoutePrefixChecks.IsWellFormed(prefix));

    [Fact]
    public void A_malformed_prefix_is_one_finding_saying_the_form()
    {
        var finding = Assert.Single(RoutePrefixChecks.CheckFormat("X-A", "/host/"));

        Assert.Equal(
            ("X-A", Severity.Error, FindingCodes.RoutePrefixInvalid, "The route prefix is malformed.",
                "route_prefix '/host/' must start with '/', have lower-case segments of letters, digits, '.', '_' or '-' (but no segment '.' or '..'), and no trailing slash or parameters, e.g. /core/budget."),
            (finding.Pack, finding.Severity, finding.Code, finding.Title, finding.Detail));
    }

    [Theory]
    [InlineData("/host")]
    [InlineData("/host/packs")]
    [InlineData("/health")]
    [InlineData("/openapi")]
    [InlineData("/scalar/v1")]
    public void A_prefix_on_a_host_route_names_it(string prefix)
    {
        var finding = Assert.Single(RoutePrefixChecks.CheckFormat("X-A", prefix));

        var reserved = "/" + prefix.Split('/')[1];
        Assert.Equal(
            (FindingCodes.RoutePrefixOverlap, "The route prefix overlaps a host route.",
                $"route_prefix '{prefix}' overlaps the host's {reserved}. Choose another prefix, e.g. under /core/."),
            (finding.Code, finding.Title, finding.Detail));
    }

    [Theory]
    [InlineData("/hosting")]
    [InlineData("/core/host")]
    [InlineData("/healthz")]
    public void A_prefix_beside_a_host_route_is_fine(string prefix) => Assert.Empty(RoutePrefixChecks.CheckFormat("X-A", prefix));

    [Theory]
    [InlineData("/core/budget", "/core/budget", true)]
    [InlineData("/core/budget", "/core/budget/x", true)]
    [InlineData("/core/budget/x", "/core/budget", true)]
    [InlineData("/core/budget", "/core/budgets", false)]
    [InlineData("/core/budgets", "/core/budget", false)]
    [InlineData("/core/budget", "/core", true)]
    [InlineData("/core/a", "/core/b", false)]
    public void Prefixes_overlap_when_equal_or_one_holds_the_other_by_whole_segments(string a, string b, bool overlap) =>
        Assert.Equal(overlap, RoutePrefixChecks.Overlap(a, b));
}
