using Valhalla.Contracts;
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
}
