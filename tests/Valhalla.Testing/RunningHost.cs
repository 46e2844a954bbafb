using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Valhalla.Contracts.Catalog;
using Valhalla.Host;

namespace Valhalla.Testing;

/// <summary>
/// The real Valhalla host on a free loopback port, over a test's own data root and drop folder:
/// real plugin loading, real SQLite files, real HTTP.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningHost(WebApplication app, ValidationReport report, Uri address)
    {
        _app = app;
        Report = report;
        Client = new HttpClient { BaseAddress = address };
    }

    /// <summary>A client whose base address is the host's, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public HttpClient Client { get; }

    /// <summary>The report of this start-up.</summary>
    public ValidationReport Report { get; }

    /// <summary>The host's services, for assertions that need them.</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<RunningHost> StartAsync(string dataRoot, string dropFolder, params string[] extraArgs)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Valhalla:DataPath={dataRoot}",
            $"--Valhalla:PacksPath={dropFolder}",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var app = ValhallaApp.Build(args);
        try
        {
            var report = await ValhallaApp.LoadPacksAsync(app);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new RunningHost(app, report, new Uri(address + "/"));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
