using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Backups;
using Valhalla.Host.Configuration;
using Valhalla.Host.Discovery;
using Valhalla.Host.Mounting;
using Valhalla.Host.Quarantine;
using Valhalla.Host.Reports;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Loading;

/// <summary>
/// Runs the load sequence — discover, validate without running pack code, start the valid packs in
/// dependency order, mount their routes — at start-up and again whenever the drop folder changes or
/// a pack is reloaded, and keeps the report. One bad pack never stops the others.
/// </summary>
public sealed class PackHost : IAsyncDisposable
{
    private const int KeptUnloads = 100;

    private readonly ValhallaPaths _paths;
    private readonly PackValidator _validator;
    private readonly PackReconciler _reconciler;
    private readonly ShadowCopies _shadows = new();
    private readonly Action _flushHostCaches;
    private readonly TimeProvider _time;
    private readonly TimeSpan _shutdownTimeout;
    private readonly ILogger<PackHost> _logger;
    private readonly SemaphoreSlim _changing = new(1, 1);
    private readonly PackQuarantine _quarantine;
    private readonly LastBackup? _lastBackup;
    private volatile bool _processEnding;
    private IReadOnlyDictionary<string, PackFingerprint>? _seen;
    private IReadOnlyList<ServingPack>? _serving;
    private ImmutableList<Task<UnloadOutcome>> _unloads = [];
    private TaskCompletionSource<ValidationReport> _nextReport = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal PackHost(
        ValhallaPaths paths, PackValidator validator, PackActivator activator, PackEndpointDataSource endpoints,
        PackExports exports, Action flushHostCaches, TimeProvider time, TimeSpan shutdownTimeout, ILogger<PackHost> logger, LastBackup? lastBackup = null)
    {
        _lastBackup = lastBackup;
        _shutdownTimeout = shutdownTimeout;
        _paths = paths;
        _validator = validator;
        _flushHostCaches = flushHostCaches;
        _time = time;
        _logger = logger;
        _quarantine = new PackQuarantine(paths.HostFolder, time, logger);
        _reconciler = new PackReconciler(activator, endpoints, exports, _shadows, new PackReports(paths.DropFolder), _quarantine, Retire, Abandoned, logger);
        Report = new ValidationReport(time.GetUtcNow(), ContractsVersion.Current, []);
    }

    /// <summary>The service providers of the running packs.</summary>
    internal IEnumerable<IServiceProvider> RunningServices => _reconciler.Running.Select(r => r.Services);

    /// <summary>The running packs, in the order they started.</summary>
    internal IReadOnlyList<PackRuntime> Running => _reconciler.Running;

    /// <summary>The report of the running host: what is loaded, and every finding.</summary>
    public ValidationReport Report { get; private set; }

    /// <summary>Completes with the next report the host publishes (after a change in the drop folder, or a reload).</summary>
    public Task<ValidationReport> NextReport => _nextReport.Task;

    /// <summary>The latest unloads that have finished, oldest first.</summary>
    public IReadOnlyList<UnloadOutcome> Unloads => [.. _unloads.Where(u => u.IsCompletedSuccessfully).Select(u => u.Result)];

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
        _time.GetUtcNow(), ContractsVersion.Current, _reconciler.Describe(_validator.Validate(PackDiscovery.Discover(_paths.DropFolder), Serving())));

    /// <summary>Field-level checks of one manifest, for registrations.</summary>
    public IReadOnlyList<Finding> CheckManifest(PackManifest manifest) => _validator.CheckManifest(manifest);

    /// <summary>Waits until every pack retired so far has been unloaded (or found leaked).</summary>
    public async Task<IReadOnlyList<UnloadOutcome>> WaitForUnloadsAsync() => await Task.WhenAll(_unloads);

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
            await _reconciler.StopAllAsync().WaitAsync(giveUp.Token);
            await Task.WhenAll(_unloads).WaitAsync(giveUp.Token);
        }
        catch (OperationCanceledException)
        {
            _logger.LogError("Packs were still stopping after the shutdown timeout ({Seconds} s); the host stops without waiting for them", _shutdownTimeout.TotalSeconds);
        }

        AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (!_processEnding)
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
            if (_seen is null)
            {
                DeleteStaleShadowCopies();
                _quarantine.Recover();
                AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
                AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
            }

            var discovered = PackDiscovery.Discover(_paths.DropFolder);
            var fingerprints = discovered.ToDictionary(p => p.Folder, p => PackFingerprint.Of(p.Folder));
            if (reload is null && _seen is not null && _seen.Count == fingerprints.Count
                && fingerprints.All(f => _seen.TryGetValue(f.Key, out var seen) && seen == f.Value))
            {
                return Report;
            }

            var packs = _validator.Validate(discovered, Serving());
            var lines = await _reconciler.RunAsync(packs, fingerprints, new ChangeScope(reload, packs, _reconciler.Running), ct);
            _seen = fingerprints;
            RecordServing();
            await PublishAsync(new ValidationReport(_time.GetUtcNow(), ContractsVersion.Current, lines), ct);
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
        _serving = [.. _reconciler.Running.Select(r => new ServingPack(r.Code, Path.GetFileName(r.Source.Folder), r.Manifest.RoutePrefix, r.Manifest.DataPaths))];
        ServingRecord.Write(_paths, _serving, _logger);
    }

    // A pack's own thread threw and nothing caught it: the runtime ends the process after this returns.
    private void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e)
    {
        if (e.ExceptionObject is Exception ex && CrashAttribution.OwnerOf(ex, _reconciler.Running) is { } owner)
        {
            _quarantine.RecordCrash(owner.Code, owner.Source.Fingerprint.Hash, $"an unhandled {ex.GetType().Name} on its own thread: {ex.Message}");
        }
    }

    // Environment.Exit runs this on the thread that called it: pack code on the stack ended the process.
    private void OnProcessExit(object? sender, EventArgs e)
    {
        _processEnding = true;
        if (CrashAttribution.OwnerOf(new System.Diagnostics.StackTrace(), _reconciler.Running) is { } owner)
        {
            _quarantine.RecordCrash(owner.Code, owner.Source.Fingerprint.Hash, "it called Environment.Exit");
        }
    }

    private void DeleteStaleShadowCopies()
    {
        foreach (var stale in ShadowCopies.DeleteStale(Path.GetTempPath()))
        {
            _logger.LogInformation("Deleted {Folder}: private pack copies left behind by a host that is no longer running", stale);
        }
    }

    private async Task PublishAsync(ValidationReport report, CancellationToken ct)
    {
        Report = report;
        try
        {
            await ReportWriter.WriteAsync(report, _paths.ReportsFolder, _lastBackup?.Record, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Could not write the report to {Folder}: {Reason}", _paths.ReportsFolder, ex.Message);
        }

        Interlocked.Exchange(ref _nextReport, new TaskCompletionSource<ValidationReport>(TaskCreationOptions.RunContinuationsAsynchronously))
            .TrySetResult(report);
    }

    // Unloading waits for the pack's in-flight requests, which may include the request that asked
    // for the change (a reload of the registry, say): it runs on its own, not inside the change.
    // Started on the pool: disposing runs the pack's own code, which must never run on the change.
    private void Retire(PackRuntime runtime) =>
        Keep(Task.Run(() => PackRetirement.RetireAsync(runtime, _flushHostCaches, _logger)));

    private void Abandoned(UnloadOutcome outcome) => Keep(Task.FromResult(outcome));

    private void Keep(Task<UnloadOutcome> unload)
    {
        var kept = _unloads;
        while (kept.Count >= KeptUnloads && kept.FindIndex(u => u.IsCompleted) is var oldest and >= 0)
        {
            kept = kept.RemoveAt(oldest);
        }

        _unloads = kept.Add(unload);
    }
}
