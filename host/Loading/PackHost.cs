using Microsoft.Extensions.Logging;
using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Backups;
using Valhalla.Host.Configuration;
using Valhalla.Host.Discovery;
using Valhalla.Host.Lifecycle;
using Valhalla.Host.Mounting;
using Valhalla.Host.Quarantine;
using Valhalla.Host.Reports;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Loading;

/// <summary>
/// Runs the load sequence — discover, validate without running pack code, plan (<see cref="LifecyclePlanner"/>)
/// and carry the plan out (<see cref="LifecycleExecutor"/>) — at start-up and again whenever the drop folder
/// changes or a pack is reloaded, one pass at a time, and keeps the report. One bad pack never stops the others.
/// </summary>
public sealed class PackHost : IAsyncDisposable
{
    private readonly ValhallaPaths _paths;
    private readonly PackValidator _validator;
    private readonly LifecycleExecutor _executor;
    private readonly Retirements _retirements;
    private readonly ReportPublisher _reports;
    private readonly ShadowCopies _shadows = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _shutdownTimeout;
    private readonly ILogger<PackHost> _logger;
    private readonly SemaphoreSlim _changing = new(1, 1);
    private readonly PackQuarantine _quarantine;
    private readonly CrashWatch _crashWatch;
    private IReadOnlyDictionary<string, PackFingerprint>? _seen;
    private IReadOnlyList<ServingPack>? _serving;

    internal PackHost(
        ValhallaPaths paths, PackValidator validator, PackActivator activator, PackEndpointDataSource endpoints,
        PackExports exports, Action flushHostCaches, TimeProvider time, TimeSpan shutdownTimeout, ILogger<PackHost> logger, LastBackup? lastBackup = null)
    {
        _shutdownTimeout = shutdownTimeout;
        _paths = paths;
        _validator = validator;
        _time = time;
        _logger = logger;
        _quarantine = new PackQuarantine(paths.HostFolder, time, logger);
        _retirements = new Retirements(flushHostCaches, logger);
        var starter = new PackStarter(activator, endpoints, exports, _shadows, _quarantine, _retirements, logger);
        _executor = new LifecycleExecutor(starter, endpoints, exports, new PackReports(paths.DropFolder), _quarantine, _retirements, logger);
        _crashWatch = new CrashWatch(_quarantine, () => Running);
        _reports = new ReportPublisher(paths.ReportsFolder, new ValidationReport(time.GetUtcNow(), ContractsVersion.Current, []), lastBackup, logger);
    }

    /// <summary>The service providers of the running packs.</summary>
    internal IEnumerable<IServiceProvider> RunningServices => _executor.Running.Select(r => r.Runtime.Services);

    /// <summary>The running packs, in the order they started.</summary>
    internal IReadOnlyList<PackRuntime> Running => [.. _executor.Running.Select(r => r.Runtime)];

    /// <summary>The report of the running host: what is loaded, and every finding.</summary>
    public ValidationReport Report => _reports.Current;

    /// <summary>Completes with the next report the host publishes (after a change in the drop folder, or a reload).</summary>
    public Task<ValidationReport> NextReport => _reports.Next;

    /// <summary>The latest unloads that have finished, oldest first.</summary>
    public IReadOnlyList<UnloadOutcome> Unloads => _retirements.Finished;

    /// <summary>
    /// Brings the running packs in line with the drop folder: at start-up, starts every valid pack;
    /// afterwards, starts new packs, replaces changed ones and unloads removed ones. Cheap when nothing
    /// changed: only file sizes and times are read.
    /// </summary>
    public Task<ValidationReport> ReconcileAsync(CancellationToken ct = default) => ChangeAsync(reload: null, ct);

    /// <summary>Reloads one pack from its folder even if its files look unchanged; see <see cref="IPackCatalog.ReloadAsync"/>.</summary>
    public async Task<PackReport?> ReloadAsync(string code, CancellationToken ct = default)
    {
        var report = await ChangeAsync(code, ct);
        return report.Packs.FirstOrDefault(p => p.Code == code);
    }

    /// <summary>
    /// Validates the drop folder again without loading anything. A running pack keeps its status and
    /// start-up findings; a pack that failed to start still reports why; a valid pack the host has not
    /// started is <see cref="PackStatus.Valid"/>.
    /// </summary>
    public ValidationReport Validate() => new(
        _time.GetUtcNow(), ContractsVersion.Current, _executor.Describe(_validator.Validate(PackDiscovery.Discover(_paths.DropFolder), Serving())));

    /// <summary>Field-level checks of one manifest, for registrations.</summary>
    public IReadOnlyList<Finding> CheckManifest(PackManifest manifest) => _validator.CheckManifest(manifest);

    /// <summary>Waits until every pack retired so far has been unloaded (or found leaked).</summary>
    public async Task<IReadOnlyList<UnloadOutcome>> WaitForUnloadsAsync() => await _retirements.AllAsync();

    /// <summary>
    /// Stops every pack, dependents first. Runs as the host's container is disposed, after the
    /// server has stopped, so endpoints are left in place: raising a routing change now would
    /// reach into the disposed container. Bounded by the host's shutdown timeout: a pack stuck in
    /// its own code (a change waiting for it, its Dispose) never keeps the process from ending.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        using var giveUp = new CancellationTokenSource(_shutdownTimeout, _time);
        try
        {
            await _changing.WaitAsync(giveUp.Token);
            await _executor.StopAllAsync().WaitAsync(giveUp.Token);
            await _retirements.AllAsync().WaitAsync(giveUp.Token);
        }
        catch (OperationCanceledException)
        {
            _logger.LogError("Packs were still stopping after the shutdown timeout ({Seconds} s); the host stops without waiting for them", _shutdownTimeout.TotalSeconds);
        }

        _crashWatch.Detach();
        if (!_crashWatch.ProcessEnding)
        {
            // Stopped normally, so nothing still starting ended the process (Environment.Exit also ends up here).
            _quarantine.Stopped();
        }

        _shadows.Dispose();
    }

    private async Task<ValidationReport> ChangeAsync(string? reload, CancellationToken ct)
    {
        await _changing.WaitAsync(ct);
        try
        {
            var request = reload is not null ? LifecycleRequest.Reload(reload) : _seen is null ? LifecycleRequest.StartUp : LifecycleRequest.Change;
            if (_seen is null)
            {
                DeleteStaleShadowCopies();
                _quarantine.Recover();
                _crashWatch.Attach();
            }

            var discovered = PackDiscovery.Discover(_paths.DropFolder);
            var fingerprints = discovered.ToDictionary(p => p.Folder, p => PackFingerprint.Of(p.Folder));
            if (LifecyclePlanner.NothingChanged(request, _seen, fingerprints))
            {
                return Report;
            }

            var packs = _validator.Validate(discovered, Serving());
            var input = new LifecycleInput(
                packs, fingerprints, [.. _executor.Running.Select(r => r.Described)], _executor.Failed, _quarantine.State, request);
            var lines = await _executor.ExecuteAsync(LifecyclePlanner.Plan(input), ct);
            _seen = fingerprints;
            RecordServing();
            await _reports.PublishAsync(new ValidationReport(_time.GetUtcNow(), ContractsVersion.Current, lines), ct);
            return Report;
        }
        finally
        {
            _changing.Release();
        }
    }

    /// <summary>What was serving: before the first pass, as remembered from the last run; afterwards, what runs.</summary>
    private IReadOnlyList<ServingPack> Serving() => _serving ??= ServingRecord.Read(_paths, _logger);

    private void RecordServing()
    {
        // Only after a pass that ran, so only when something in the drop folder changed: cheap to always write.
        _serving = [.. _executor.Running.Select(r => r.Runtime).Select(r => new ServingPack(r.Code, Path.GetFileName(r.Source.Folder), r.Manifest.RoutePrefix, r.Manifest.DataPaths))];
        ServingRecord.Write(_paths, _serving, _logger);
    }

    private void DeleteStaleShadowCopies()
    {
        foreach (var stale in ShadowCopies.DeleteStale(Path.GetTempPath()))
        {
            _logger.LogInformation("Deleted {Folder}: private pack copies left behind by a host that is no longer running", stale);
        }
    }
}
