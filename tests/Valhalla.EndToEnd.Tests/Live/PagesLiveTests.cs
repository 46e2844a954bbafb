using System.Net;
using Valhalla.EndToEnd.Tests.Web;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Live;

/// <summary>Pages come and go with their pack, and rendering them pins nothing: the pack still unloads.</summary>
public sealed class PagesLiveTests : LiveHostTest
{
    [Fact]
    public async Task A_dropped_packs_pages_are_in_the_next_pages_navigation_and_after_removal_gone_and_its_context_collected()
    {
        var browser = await WebSession.SignInAsync(Host, Host.OwnerKey!);
        Assert.DoesNotContain("Budget", WebSession.NavTitles(await browser.PageAsync("")));

        // A folder name no other test uses: LoadContexts finds contexts by it, and parallel tests load the budget too.
        var folder = Folders.Drop(BuiltPacks.Budget, $"budget-pages-{Guid.NewGuid():N}");
        await Host.WaitForLoadedAsync("P-BUDGET-1");
        var home = await browser.PageAsync("");
        Assert.Contains("Budget", WebSession.NavTitles(home));
        var month = await browser.PageAsync("core/budget/pages/month?month=2026-01");
        Assert.Equal("Budget 2026-01", month.QuerySelector("main h1")?.TextContent);
        var contexts = LoadContexts.LoadedFrom(Path.GetFileName(folder));
        Assert.NotEmpty(contexts);

        Directory.Move(folder, Path.Combine(Folders.DataRoot, "..", "parked"));
        await Host.WaitForReportAsync(r => r.Packs.All(p => p.Code != "P-BUDGET-1"));

        Assert.DoesNotContain("Budget", WebSession.NavTitles(await browser.PageAsync("")));
        using var gone = await browser.Http.GetAsync("core/budget/pages/month");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var unload = Assert.Single(await Host.Packs.WaitForUnloadsAsync(), u => u.Code == "P-BUDGET-1");
        Assert.True(unload.Unloaded, "the host found the budget pack's load context still reachable after rendering its page");
        Assert.True(LoadContexts.AllCollected(contexts));
    }
}
