using System.Net.Http.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Valhalla.Browser.Tests;

/// <summary>Every page, at desktop and phone width: a screenshot saved with the test results, and no serious or critical axe violation.</summary>
public sealed class EveryPageTests : BrowserHost
{
    public static TheoryData<int> Widths => [1280, 375];

    private static readonly (string Name, string Path)[] Pages =
    [
        ("home", "/"),
        ("budget-month", "/core/budget/pages/month"),
        ("transactions", "/core/transactions/pages/ledger"),
        ("obligations", "/core/obligations/pages/month"),
        ("audit", "/core/audit/pages/events"),
        ("packs", "/core/packs/pages/packs"),
    ];

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Every_page_is_screenshotted_and_has_no_serious_or_critical_accessibility_violation(int width)
    {
        await SeedAsync();
        Directory.CreateDirectory(ScreenshotFolder);
        var signIn = await (await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 800 }, BaseURL = Host.Address.ToString() })).NewPageAsync();
        await signIn.GotoAsync("/host/sign-in");
        var problems = new List<string>();
        await CheckAsync(signIn, "sign-in", width, problems);
        var page = await SignedInPageAsync(width);

        foreach (var (name, path) in Pages)
        {
            await page.GotoAsync(path);
            await CheckAsync(page, name, width, problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task CheckAsync(IPage page, string name, int width, List<string> problems)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
        var result = await page.RunAxe();
        problems.AddRange(result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{name} at {width}px: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));
    }

    private async Task SeedAsync()
    {
        var bucket = await (await Client.PostAsJsonAsync("core/budget/buckets", new { name = "Groceries", bucket_type = "essentials", monthly_limit = 100, priority = "A" }))
            .Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        var id = (string)bucket!["id"]!;
        await Client.PostAsJsonAsync("core/budget/buckets", new { name = "Fun", bucket_type = "fun", monthly_limit = 50, priority = "C" });
        await Client.PostAsJsonAsync("core/transactions", new { tx_type = "expense", amount = 85, date = "2026-01-05", bucket_id = id, description = "Market" });
        await Client.PostAsJsonAsync("core/obligations", new { name = "Rent", amount = 900, recurrence = new { frequency = "monthly", day = 20, start_date = "2026-01-01" } });
    }
}
