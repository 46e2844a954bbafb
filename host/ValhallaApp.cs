using Scalar.AspNetCore;
using Valhalla.Contracts.Catalog;
using Valhalla.Contracts.Services;
using Valhalla.Host.Configuration;
using Valhalla.Host.Http;
using Valhalla.Host.Loading;
using Valhalla.Host.Mounting;
using Valhalla.Host.Reports;
using Valhalla.Host.Validation;

namespace Valhalla.Host;

/// <summary>Builds the Valhalla web host: services, pipeline, host routes, and the pack load step.</summary>
public static class ValhallaApp
{
    public const string DefaultUrl = "http://127.0.0.1:8000";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
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

    /// <summary>Loads every pack, then logs the report table and writes the JSON report.</summary>
    public static async Task<ValidationReport> LoadPacksAsync(WebApplication app, CancellationToken ct = default)
    {
        var report = await app.Services.GetRequiredService<PackHost>().LoadAllAsync(ct);
        await PublishReportAsync(app, report, ct);
        return report;
    }

    /// <summary>Writes the JSON report and logs the table.</summary>
    public static async Task<string> PublishReportAsync(WebApplication app, ValidationReport report, CancellationToken ct = default)
    {
        var paths = app.Services.GetRequiredService<ValhallaPaths>();
        var file = await ReportWriter.WriteAsync(report, paths.ReportsFolder, ct);
        app.Logger.LogInformation("Packs in {DropFolder} (report: {ReportFile}):\n{Table}", paths.DropFolder, file, ReportTable.Render(report));
        return file;
    }

    private static IServiceCollection AddValhallaPackServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PackExports>();
        services.AddSingleton<IPackServices>(sp => sp.GetRequiredService<PackExports>());
        services.AddSingleton<PackEndpointDataSource>();
        services.AddSingleton<PackValidator>();
        services.AddSingleton(sp => new PackActivator(sp, sp.GetRequiredService<ValhallaPaths>(), sp.GetRequiredService<ILogger<PackActivator>>()));
        services.AddSingleton(sp => new PackHost(
            sp.GetRequiredService<ValhallaPaths>(), sp.GetRequiredService<PackValidator>(), sp.GetRequiredService<PackActivator>(),
            sp.GetRequiredService<PackEndpointDataSource>(), sp.GetRequiredService<PackExports>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PackHost>>()));
        services.AddSingleton<IPackCatalog>(sp => new PackCatalog(sp.GetRequiredService<PackHost>()));
        return services;
    }
}
