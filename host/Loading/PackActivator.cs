using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Valhalla.Contracts;
using Valhalla.Contracts.Stores;
using Valhalla.Host.Configuration;
using Valhalla.Host.Mounting;
using Valhalla.Host.Stores;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Loading;

/// <summary>
/// Starts one validated pack: load its assembly, open and migrate its databases, let it configure
/// its services, build its provider, resolve its exports and build its endpoints. Whatever fails
/// is undone and reported as a <see cref="PackActivationException"/>.
/// </summary>
internal sealed class PackActivator(IServiceProvider hostServices, ValhallaPaths paths, ILogger<PackActivator> logger)
{
    public async Task<PackRuntime> ActivateAsync(PackSource source, PackManifest manifest, CancellationToken ct)
    {
        var (loadContext, pack) = Stage("pack_load_failed", "load its assembly", manifest, () => PackAssemblyLoader.Load(source.LoadFolder, manifest));
        var databases = new List<SqlitePackDatabase>();
        ServiceProvider? services = null;
        try
        {
            foreach (var dataPath in manifest.DataPaths)
            {
                databases.Add(await OpenDatabaseAsync(pack, manifest, dataPath, ct));
            }

            var context = new PackContext(manifest, databases.ToDictionary(d => d.DataPath, IPackDatabase (d) => d));
            var collection = PackServiceSeed.Create(hostServices, context, databases);
            Stage("pack_configure_failed", "configure its services", manifest, () => pack.ConfigureServices(collection, context));
            services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
            var exports = Stage("pack_export_failed", "resolve its exports", manifest, () => ResolveExports(services, context));
            var gate = new RequestGate();
            var endpoints = Stage("pack_routes_failed", "map its routes", manifest, () => MapRoutes(pack, manifest, services, gate));
            return new PackRuntime(manifest, source, loadContext, services, databases, endpoints, exports, gate);
        }
        catch
        {
            if (services is not null)
            {
                await services.DisposeAsync();
            }

            foreach (var database in databases)
            {
                await database.DisposeAsync();
            }

            loadContext.Unload();
            throw;
        }
    }

    private async Task<SqlitePackDatabase> OpenDatabaseAsync(IPack pack, PackManifest manifest, string dataPath, CancellationToken ct)
    {
        var migrations = Stage("migration_failed", $"list the migrations of {dataPath}", manifest, () => pack.GetMigrations(dataPath));
        try
        {
            return await SqlitePackDatabase.OpenAsync(dataPath, Path.Combine(paths.DataRoot, dataPath), migrations, logger, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new PackActivationException("migration_failed", $"{manifest.Code} could not open or migrate {dataPath}: {ex.Message}", ex);
        }
    }

    private static Dictionary<Type, object> ResolveExports(ServiceProvider services, PackContext context) =>
        context.Exports.Distinct().ToDictionary(
            contract => contract,
            contract => services.GetService(contract)
                ?? throw new InvalidOperationException($"it exports {contract.Name} but registers no implementation of it"));

    private static IReadOnlyList<Endpoint> MapRoutes(IPack pack, PackManifest manifest, IServiceProvider services, RequestGate gate)
    {
        var builder = new PackEndpointRouteBuilder(services);
        var group = builder.MapGroup(manifest.RoutePrefix)
            .WithMetadata(new PackEndpointMetadata(manifest.Code, manifest.Version, manifest.Tags, services, gate))
            .WithTags(manifest.Name);
        pack.MapRoutes(group);

        // Reading the endpoints builds every request delegate now, so a handler the framework cannot
        // bind fails this pack at load time rather than its first request.
        IReadOnlyList<Endpoint> endpoints = [.. builder.DataSources.SelectMany(source => source.Endpoints)];

        // A pack can reach past its group to the outer builder; nothing of it is mounted when it did.
        if (RouteScope.Outside(endpoints, manifest.RoutePrefix) is [_, ..] outside)
        {
            throw new PackActivationException(FindingCodes.RouteOutsidePrefix,
                $"{manifest.Code} maps routes outside its route_prefix {manifest.RoutePrefix}: {string.Join(", ", outside)}. "
                + "A pack maps its routes only on the route group it is given; nothing of this pack was mounted.");
        }

        if (EndpointNames.Duplicates(endpoints) is [_, ..] names)
        {
            throw new PackActivationException(FindingCodes.EndpointNameConflict,
                $"{manifest.Code} gives more than one of its endpoints the name {string.Join(", ", names.Select(n => $"'{n}'"))}. Endpoint names must be unique across the host; give each its own.");
        }

        // Routing only notices ambiguous routes when one is requested; refuse them now instead.
        var duplicate = endpoints.Select(RouteText.Describe).GroupBy(route => route).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? endpoints
            : throw new InvalidOperationException($"it maps {duplicate.Key} {duplicate.Count()} times; each route may be mapped once");
    }

    private static T Stage<T>(string code, string what, PackManifest manifest, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception ex) when (ex is not PackActivationException)
        {
            var cause = ex is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : ex;
            throw new PackActivationException(code, $"{manifest.Code} failed to {what}: {cause.GetType().Name}: {cause.Message}", cause);
        }
    }

    private static void Stage(string code, string what, PackManifest manifest, Action step) =>
        Stage(code, what, manifest, () =>
        {
            step();
            return true;
        });
}
