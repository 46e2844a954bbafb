using System.Reflection;
using Microsoft.Playwright;
using Valhalla.Testing;

namespace Valhalla.Browser.Tests;

/// <summary>
/// A host on a fixed date (2026-01-10) serving the household packs, and a headless chromium signed in to it.
/// The browser is Debian's chromium at <see cref="ChromiumPath"/>; `.ci/run` installs it when missing.
/// </summary>
public abstract class BrowserHost : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public static readonly DateTimeOffset Today = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private IPlaywright _playwright = null!;

    protected HostFolders Folders { get; } = new();

    protected RunningHost Host { get; private set; } = null!;

    protected HttpClient Client => Host.Client;

    protected IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: the test project's TestResults/screenshots, beside dotnet test's own results.</summary>
    protected static string ScreenshotFolder => Path.Combine(
        typeof(BrowserHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!,
        "tests", "Valhalla.Browser.Tests", "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        foreach (var pack in (string[])[BuiltPacks.Budget, BuiltPacks.Transactions, BuiltPacks.ObligationsPack, BuiltPacks.Audit, BuiltPacks.Registry])
        {
            Folders.Drop(pack);
        }

        Host = await Folders.StartAsync(new SteppingTime(Today));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Host.DisposeAsync();
        Folders.Dispose();
    }

    /// <summary>A new browser window of <paramref name="width"/> pixels, signed in with the owner key through the sign-in page.</summary>
    protected async Task<IPage> SignedInPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = Host.Address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/host/sign-in**");
        await page.FillAsync("#key", Host.OwnerKey!);
        await page.ClickAsync("form[action='/host/sign-in'] button[type=submit]");
        await page.WaitForURLAsync(Host.Address.ToString());
        return page;
    }
}
