using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts.Catalog;
using Valhalla.Host;
using Valhalla.Host.Loading;
using Valhalla.Host.Reports;

namespace Valhalla.Testing;

/// <summary>
/// The real Valhalla host on a free loopback port, over a test's own data root and drop folder:
/// real plugin loading, real SQLite files, real HTTP.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly List<HttpClient> _clients = [];

    private RunningHost(WebApplication app, ValidationReport report, Uri address, string? ownerKey)
    {
        _app = app;
        Report = report;
        Address = address;
        OwnerKey = ownerKey;
        Client = ClientWith(ownerKey);
    }

    /// <summary>The host's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The owner key (admin) the host wrote to <c>owner.key</c> in its data root, or null when the file is missing.</summary>
    public string? OwnerKey { get; }

    /// <summary>A client of the host that carries the owner key, as every request to the host needs a key.</summary>
    public HttpClient Client { get; }

    /// <summary>A client of the host that sends <paramref name="key"/> as a bearer token, or no key when it is null.</summary>
    public HttpClient ClientWith(string? key)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        _clients.Add(client);
        return client;
    }

    /// <summary>
    /// A client of the host that behaves as a browser before sign-in: no key, a cookie jar, and redirects
    /// left for the test to see. Signing in through the web shell gives it a session cookie.
    /// </summary>
    public HttpClient BrowserClient()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address };
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml");
        _clients.Add(client);
        return client;
    }

    /// <summary>The report of this start-up.</summary>
    public ValidationReport Report { get; }

    /// <summary>The host's pack host: its current report, its unloads.</summary>
    public PackHost Packs => _app.Services.GetRequiredService<PackHost>();

    /// <summary>The host's services, for assertions that need them.</summary>
    public IServiceProvider Services => _app.Services;

    public static Task<RunningHost> StartAsync(string dataRoot, string dropFolder, params string[] extraArgs) =>
        StartAsync(dataRoot, dropFolder, TimeProvider.System, extraArgs);

    /// <summary>Starts a host whose clock, and every pack's, is <paramref name="time"/>.</summary>
    public static async Task<RunningHost> StartAsync(string dataRoot, string dropFolder, TimeProvider time, params string[] extraArgs)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Valhalla:DataPath={dataRoot}",
            $"--Valhalla:PacksPath={dropFolder}",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var app = ValhallaApp.Build(args, time);
        try
        {
            var report = await ValhallaApp.LoadPacksAsync(app);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            var ownerKeyFile = Path.Combine(dataRoot, "owner.key");
            var ownerKey = File.Exists(ownerKeyFile) ? (await File.ReadAllTextAsync(ownerKeyFile)).Trim() : null;
            return new RunningHost(app, report, new Uri(address + "/"), ownerKey);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits for the host to publish a report (after it noticed a change in the drop folder, or a
    /// reload) that satisfies <paramref name="until"/>; returns at once when the current one does.
    /// </summary>
    /// <exception cref="TimeoutException">No such report within <paramref name="timeout"/> (default 30 s).</exception>
    public async Task<ValidationReport> WaitForReportAsync(Func<ValidationReport, bool> until, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            // Taken before the check, so a report published in between is not missed.
            var next = Packs.NextReport;
            var report = Packs.Report;
            if (until(report))
            {
                return report;
            }

            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("The host published no report as expected. The last one:\n" + ReportTable.Render(Packs.Report)
                    + string.Join("\n", Packs.Report.Packs.SelectMany(p => p.Findings).Select(f => $"{f.Severity} {f.Pack} {f.Code}: {f.Detail}")));
            }
        }
    }

    /// <summary>Waits until <paramref name="code"/> is loaded at <paramref name="version"/> (any version when null).</summary>
    public Task<ValidationReport> WaitForLoadedAsync(string code, string? version = null) =>
        WaitForReportAsync(r => r.Packs.Any(p => p.Code == code && p.Status == PackStatus.Loaded && (version is null || p.Manifest?.Version == version)));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
