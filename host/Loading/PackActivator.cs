using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Contracts.Stores;
using Valhalla.Host.Configuration;
using Valhalla.Host.Mounting;
using Valhalla.Host.Stores;

namespace Valhalla.Host.Loading;

/// <summary>
/// Starts one validated pack: load its assembly, open and migrate its databases, let it configure
/// its services, build its provider, resolve its exports and build its endpoints. Every call into
/// the pack's code runs under a deadline (<see cref="PackCalls"/>). Whatever fails is undone and
/// reported as a <see cref="PackActivationException"/>.
/// </summary>
internal sealed class PackActivator(IServiceProvider hostServices, ValhallaPaths paths, PackCalls calls, ILogger<PackActivator> logger)
{
    public async Task<PackRuntime> ActivateAsync(PackSource source, PackManifest manifest, CancellationToken ct)
    {
        var (loadContext, pack) = await StageAsync(FindingCodes.PackLoadFailed, "load its assembly", manifest,
            () => calls.Run("its constructor", () => PackAssemblyLoader.Load(source.LoadFolder, manifest), ct, late => late.Context.Unload()));
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
            await StageAsync(FindingCodes.PackConfigureFailed, "configure its services", manifest,
                () => calls.Run("ConfigureServices", () => { pack.ConfigureServices(collection, context); return true; }, ct));
            services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
            var provider = services;
            var exports = await StageAsync(FindingCodes.PackExportFailed, "resolve its exports", manifest,
                () => calls.Run("the constructors of its exports", () => ResolveExports(provider, context), ct));
            var gate = new RequestGate();
            var endpoints = await StageAsync(FindingCodes.PackRoutesFailed, "map its routes", manifest,
                () => calls.Run("MapRoutes", () => MapRoutes(pack, manifest, provider, gate), ct));
            return new PackRuntime(manifest, source, loadContext, services, databases, endpoints, exports, gate, calls);
        }
        catch
        {
            await UndoAsync(manifest, services, databases);
            loadContext.Unload();
            throw;
        }
    }

    private async Task UndoAsync(PackManifest manifest, ServiceProvider? services, List<SqlitePackDatabase> databases)
    {
        if (services is not null)
        {
            try
            {
                await calls.RunAsync("Dispose", async () => { await services.DisposeAsync(); return true; }, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogWarning("{Pack} failed while its half-started services were disposed: {Reason}", manifest.Code, ex.Message);
            }
        }

        foreach (var database in databases)
        {
            await database.DisposeAsync();
        }
    }

    private async Task<SqlitePackDatabase> OpenDatabaseAsync(IPack pack, PackManifest manifest, string dataPath, CancellationToken ct)
    {
        var migrations = await StageAsync(FindingCodes.MigrationFailed, $"list the migrations of {dataPath}", manifest,
            () => calls.Run("GetMigrations", () => pack.GetMigrations(dataPath), ct));
        var call = $"the migrations of {dataPath}";
        try
        {
            var opening = SqlitePackDatabase.OpenAsync(dataPath, Path.Combine(paths.DataRoot, dataPath), migrations, logger, ct);
            return await calls.WaitAsync(call, opening, late => late.DisposeAsync().AsTask().Wait(), ct);
        }
        catch (PackCallTimeoutException timeout)
        {
            throw TimedOut(manifest, timeout);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new PackActivationException(FindingCodes.MigrationFailed, $"{manifest.Code} could not open or migrate {dataPath}: {ex.Message}", ex);
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

    private async Task<T> StageAsync<T>(string code, string what, PackManifest manifest, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (PackCallTimeoutException timeout)
        {
            throw TimedOut(manifest, timeout);
        }
        catch (Exception ex) when (ex is not PackActivationException and not OperationCanceledException)
        {
            var cause = ex is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : ex;
            throw new PackActivationException(code, $"{manifest.Code} failed to {what}: {cause.GetType().Name}: {cause.Message}", cause);
        }
    }

    private PackActivationException TimedOut(PackManifest manifest, PackCallTimeoutException timeout) => new(
        FindingCodes.PackCallTimeout,
        $"{manifest.Code} did not return from {timeout.Call} within {calls.Deadline.TotalMilliseconds:0} ms (Valhalla:PackCallTimeoutMs), so the host "
        + "stopped waiting and went on without it. The thread stays in the pack's code (.NET cannot stop it) and the pack stays in memory, "
        + "shown as leaked, until the host restarts. Fix the pack, then change its files or reload it.",
        timeout);
}
