using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using Valhalla.Contracts.Catalog;
using Valhalla.Contracts.Services;
using Valhalla.Host.Configuration;
using Valhalla.Host.Http;
using Valhalla.Host.Loading;
using Valhalla.Host.Mounting;
using Valhalla.Host.Reports;
using Valhalla.Host.Validation;
using Valhalla.Host.Watching;

namespace Valhalla.Host;

/// <summary>Builds the Valhalla web host: services, pipeline, host routes, and the pack load step.</summary>
public static class ValhallaApp
{
    public const string DefaultUrl = "http://127.0.0.1:8000";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = WithoutSettingsReload(args) });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Request-by-request framework logs drown the pack report; configuration can still turn them up.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var section = builder.Configuration.GetSection(ValhallaOptions.Section);
        builder.Services.Configure<ValhallaOptions>(section);
        var options = section.Get<ValhallaOptions>() ?? new ValhallaOptions();
        builder.Services.AddSingleton(ValhallaPaths.From(options, builder.Environment.ContentRootPath));
        builder.Services.AddValhallaPackServices();

        builder.Services.ConfigureHttpJsonOptions(json => WireJson.Configure(json.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<DiskFullExceptionHandler>();
        builder.Services.AddOpenApi(openApi => openApi.AddValueSchemas());
        PackAwareServiceCheck.UseForApiExplorer(builder.Services);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseMiddleware<PackRequestScopeMiddleware>();

        ((IEndpointRouteBuilder)app).DataSources.Add(app.Services.GetRequiredService<PackEndpointDataSource>());
        app.MapHealthApi();
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapGet("/", () => TypedResults.Redirect("/scalar/v1")).ExcludeFromDescription();
        return app;
    }

    /// <summary>Loads every pack (which writes the JSON report), then logs the report table.</summary>
    public static async Task<ValidationReport> LoadPacksAsync(WebApplication app, CancellationToken ct = default)
    {
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

    private static IServiceCollection AddValhallaPackServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
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
            sp.GetRequiredService<ILogger<PackHost>>()));
        services.AddSingleton<IPackCatalog>(sp => new PackCatalog(sp.GetRequiredService<PackHost>()));
        services.AddSingleton<IActionDescriptorChangeProvider>(sp => new HostCaches(sp.GetRequiredService<PackEndpointDataSource>()));
        services.AddHostedService<DropFolderWatcher>();
        return services;
    }
}
