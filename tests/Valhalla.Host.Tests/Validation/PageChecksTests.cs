using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Tests.Validation;

public sealed class PageChecksTests
{
    [Theory]
    [InlineData("/core/budget/pages/month", "Budget", null)]
    [InlineData("/core/budget", "Budget", "page_path_invalid")]
    [InlineData("/core/budgets/pages", "Budget", "page_path_invalid")]
    [InlineData("/core/packs/pages/packs", "Budget", "page_path_invalid")]
    [InlineData("/core/budget/pages/{month}", "Budget", "page_path_invalid")]
    [InlineData("/core/budget/pages?x=1", "Budget", "page_path_invalid")]
    [InlineData("/core/budget/../packs", "Budget", "page_path_invalid")]
    [InlineData("/core/budget/pages/month", "", "page_title_invalid")]
    [InlineData("/core/budget/pages/month", "A title far too long for a navigation link", "page_title_invalid")]
    public void A_page_must_lie_inside_the_packs_prefix_and_have_a_short_title(string path, string title, string? code)
    {
        var findings = PageChecks.Check(Manifest(new PackPage { Path = path, Title = title })).ToList();

        Assert.Equal(code is null ? [] : [code], findings.Select(f => f.Code));
    }

    [Fact]
    public void A_page_listed_twice_is_refused()
    {
        var page = new PackPage { Path = "/core/budget/pages/month", Title = "Budget" };

        var finding = Assert.Single(PageChecks.Check(Manifest(page, page with { Title = "Again" })));

        Assert.Equal("page_path_invalid", finding.Code);
        Assert.Contains("pages[1]", finding.Detail);
    }

    private static PackManifest Manifest(params PackPage[] pages) => new()
    {
        Code = "P-BUDGET-1",
        Name = "Budget",
        Version = "1.0.0",
        Module = "Valhalla.Packs.Budget",
        RouterSymbol = "Valhalla.Packs.Budget.BudgetPack",
        RoutePrefix = "/core/budget",
        Contracts = "1.3",
        Pages = pages,
    };

    [Fact]
    public void Each_page_refusal_names_the_page_and_says_what_a_page_must_be()
    {
        var findings = PageChecks.Check(Manifest(
            null!,
            new PackPage { Path = "/core/budget/pages/a", Title = "A" },
            new PackPage { Path = "/core/other", Title = "Other" },
            new PackPage { Path = "/core/budget/pages/a", Title = "A again" },
            new PackPage { Path = "/core/budget/pages/b", Title = "  " },
            new PackPage { Path = "/core/budget/pages/c", Title = "tab\there" },
            new PackPage { Path = null!, Title = "No path" },
            new PackPage { Path = "/core/budget/pages/d", Title = null! })).ToList();

        const string TitleRule = "must be 1 to 40 characters without control characters; it is the link text in the navigation.";
        Assert.Equal(
            [
                (FindingCodes.ManifestInvalid, "The manifest has a null page.", "field 'pages[0]' is null or lacks its path or title. Give every page a path and a title, or remove it."),
                (FindingCodes.PagePathInvalid, "A page lies outside the pack's routes.",
                    "pages[2].path '/core/other' must be a path inside route_prefix '/core/budget', e.g. /core/budget/pages/home, of lower-case segments without parameters or a query."),
                (FindingCodes.PagePathInvalid, "A page is listed twice.", "pages[3].path '/core/budget/pages/a' is already listed; list each page once."),
                (FindingCodes.PageTitleInvalid, "A page title is not short text.", $"pages[4].title {TitleRule}"),
                (FindingCodes.PageTitleInvalid, "A page title is not short text.", $"pages[5].title {TitleRule}"),
                (FindingCodes.ManifestInvalid, "The manifest has a null page.", "field 'pages[6]' is null or lacks its path or title. Give every page a path and a title, or remove it."),
                (FindingCodes.ManifestInvalid, "The manifest has a null page.", "field 'pages[7]' is null or lacks its path or title. Give every page a path and a title, or remove it."),
            ],
            findings.Select(f => (f.Code, f.Title, f.Detail)));
        Assert.All(findings, f => Assert.Equal(("P-BUDGET-1", Severity.Error), (f.Pack, f.Severity)));
    }

    [Theory]
    [InlineData(40, true)]
    [InlineData(41, false)]
    public void A_title_may_be_forty_characters(int length, bool good) =>
        Assert.Equal(good, !PageChecks.Check(Manifest(new PackPage { Path = "/core/budget/pages/a", Title = new string('x', length) })).Any());

    [Theory]
    [InlineData("/core/budget/pages/.")]
    [InlineData("/core/budget/pages/..")]
    [InlineData("x/core/budget/pages")]
    [InlineData("/core/budget/pages/x y")]
    public void A_dot_segment_or_a_malformed_path_is_outside(string path) =>
        Assert.Equal([FindingCodes.PagePathInvalid], PageChecks.Check(Manifest(new PackPage { Path = path, Title = "T" })).Select(f => f.Code));
}
