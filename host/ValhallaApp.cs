using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using Valhalla.Contracts.Catalog;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Web;
using Valhalla.Host.Access;
using Valhalla.Host.Backups;
using Valhalla.Host.Configuration;
using Valhalla.Host.Events;
using Valhalla.Host.Http;
using Valhalla.Host.Loading;
using Valhalla.Host.Mounting;
using Valhalla.Host.Reports;
using Valhalla.Host.Stores;
using Valhalla.Host.Validation;
using Valhalla.Host.Watching;
using Valhalla.Host.Web;

namespace Valhalla.Host;

/// <summary>Builds the Valhalla web host: services, pipeline, host routes, and the pack load step.</summary>
public static class ValhallaApp
{
    public const string DefaultUrl = "http://127.0.0.1:8000";

    /// <param name="time">The clock of the host and every pack (tests fix the date); the system clock by default.</param>
    public static WebApplication Build(string[] args, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = WithoutSettingsReload(args) });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Bound to loopback, only loopback names are served: a web page cannot reach the host by DNS rebinding.
        if (string.IsNullOrEmpty(builder.Configuration["AllowedHosts"]) && ListenAddresses.AllLoopback(ListenAddresses.From(builder.Configuration, DefaultUrl)))
        {
            builder.Services.Configure<HostFilteringOptions>(hosts => hosts.AllowedHosts = LoopbackHosts);
        }

        // Request-by-request framework logs drown the pack report; configuration can still turn them up.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var section = builder.Configuration.GetSection(ValhallaOptions.Section);
        builder.Services.Configure<ValhallaOptions>(section);
        builder.Services.Configure<BackupOptions>(builder.Configuration.GetSection(BackupOptions.Section));
        var options = section.Get<ValhallaOptions>() ?? new ValhallaOptions();
        builder.Services.AddSingleton(ValhallaPaths.From(options, builder.Environment.ContentRootPath));
        builder.Services.AddValhallaPackServices(time ?? TimeProvider.System);
        builder.Services.AddValhallaAccess(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        builder.Services.ConfigureHttpJsonOptions(json => WireJson.Configure(json.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<DiskFullExceptionHandler>();
        builder.Services.AddExceptionHandler<PackProblemExceptionHandler>();
        builder.Services.AddOpenApi(openApi => openApi.AddValueSchemas().AddKeySecurity());
        PackAwareServiceCheck.UseForApiExplorer(builder.Services);

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseMiddleware<AccessMiddleware>();
        app.UseMiddleware<RequestBodyRules>();
        app.UseMiddleware<PackRequestScopeMiddleware>();

        var packEndpoints = app.Services.GetRequiredService<PackEndpointDataSource>();
        var dataSources = ((IEndpointRouteBuilder)app).DataSources;
        dataSources.Add(packEndpoints);
        packEndpoints.UseHostEndpoints(() => dataSources.Where(source => source != packEndpoints).SelectMany(source => source.Endpoints));
        app.MapHealthApi();
        app.MapKeysApi();
        app.MapBackupsApi();

        // The API reference and its document describe routes, not data: they load without a key, and its Authorize button takes one.
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapShell();
        return app;
    }

    /// <summary>
    /// Why the host must not serve as configured, or null: authentication may be off only while every
    /// address it listens on is loopback.
    /// </summary>
    public static string? RefusalToServe(WebApplication app)
    {
        var addresses = ListenAddresses.From(app.Configuration, DefaultUrl);
        return app.Services.GetRequiredService<IOptions<AccessOptions>>().Value.Enabled || ListenAddresses.AllLoopback(addresses)
            ? null
            : $"authentication is off ({AccessOptions.Section}:Enabled=false) but the host would listen on {string.Join(", ", addresses.Where(a => !ListenAddresses.IsLoopback(a)))}, which is not loopback. Anyone who can reach it could read and change the household's money. Turn authentication on, or listen on 127.0.0.1 only.";
    }

    /// <summary>Loads every pack (which writes the JSON report), then logs the report table.</summary>
    /// <exception cref="InvalidOperationException">Another host (or a restore) holds the data root's lock.</exception>
    public static async Task<ValidationReport> LoadPacksAsync(WebApplication app, CancellationToken ct = default)
    {
        var hostLock = app.Services.GetRequiredService<HostLock>();
        if (!hostLock.TryAcquire())
        {
            throw new InvalidOperationException($"Another Valhalla host is running on this data root (it holds {hostLock.FilePath}), or a restore is under way.");
        }

        var report = await app.Services.GetRequiredService<PackHost>().ReconcileAsync(ct);
        var paths = app.Services.GetRequiredService<ValhallaPaths>();
        app.Logger.LogInformation("Packs in {DropFolder} (report: {ReportFile}):\n{Table}",
            paths.DropFolder, Path.Combine(paths.ReportsFolder, ReportWriter.FileName), ReportTable.Render(report));
        return report;
    }

    /// <summary>
    /// Turns off reloading appsettings on change unless asked for. The settings watcher watches the
    /// whole content root, and the data folder usually sits under it (dotnet run from the repository),
    /// so it woke up on every database write (about 6 events per posted transaction, 0.1 ms each
    /// request). Valhalla reads its settings at start-up anyway.
    /// </summary>
    private static string[] WithoutSettingsReload(string[] args) =>
        args.Any(a => a.Contains(ReloadSetting, StringComparison.OrdinalIgnoreCase))
        || Environment.GetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange") is not null
            ? args
            : [$"--{ReloadSetting}=false", .. args];

    private const string ReloadSetting = "hostBuilder:reloadConfigOnChange";

    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    private static IServiceCollection AddValhallaAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccessOptions>(configuration.GetSection(AccessOptions.Section));
        services.AddSingleton<HostDatabase>();
        services.AddSingleton<KeyStore>();
        services.AddSingleton<KeyDirectory>();
        services.AddSingleton<FailureThrottle>();
        services.AddHostedService<KeyRefresher>();
        services.AddSingleton<WebSessions>();
        services.AddSingleton<IPageShell, PageShell>();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = "X-CSRF-TOKEN";
            antiforgery.Cookie.Name = "vh_antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    private static IServiceCollection AddValhallaPackServices(this IServiceCollection services, TimeProvider time)
    {
        services.AddSingleton(time);
        services.AddSingleton<PackExports>();
        services.AddSingleton<IPackServices>(sp => sp.GetRequiredService<PackExports>());
        services.AddSingleton<PackEndpointDataSource>();
        services.AddSingleton<PackValidator>();
        services.AddSingleton(sp => new PackCalls(
            TimeSpan.FromMilliseconds(sp.GetRequiredService<IOptions<ValhallaOptions>>().Value.PackCallTimeoutMs), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new PackActivator(
            sp, sp.GetRequiredService<ValhallaPaths>(), sp.GetRequiredService<PackCalls>(), sp.GetRequiredService<ILogger<PackActivator>>()));
        services.AddSingleton(sp => new PackHost(
            sp.GetRequiredService<ValhallaPaths>(), sp.GetRequiredService<PackValidator>(), sp.GetRequiredService<PackActivator>(),
            sp.GetRequiredService<PackEndpointDataSource>(), sp.GetRequiredService<PackExports>(), () => HostCaches.Flush(sp),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout,
            sp.GetRequiredService<ILogger<PackHost>>(), sp.GetRequiredService<LastBackup>()));
        services.AddSingleton<IPackCatalog>(sp => new PackCatalog(sp.GetRequiredService<PackHost>()));
        services.AddSingleton<IActionDescriptorChangeProvider>(sp => new HostCaches(sp.GetRequiredService<PackEndpointDataSource>()));
        services.AddHostedService<DropFolderWatcher>();
        services.AddSingleton<HostLock>();
        services.AddSingleton<LastBackup>();
        services.AddSingleton<BackupService>();
        services.AddHostedService<BackupScheduler>();
        services.AddHttpContextAccessor();
        services.AddSingleton<MoneyEventDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<MoneyEventDispatcher>());
        return services;
    }
}
