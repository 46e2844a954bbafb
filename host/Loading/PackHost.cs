using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Configuration;
using Valhalla.Host.Discovery;
using Valhalla.Host.Mounting;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Loading;

/// <summary>
/// Runs the load sequence: discover, validate without running pack code, start the valid packs in
/// dependency order, mount their routes, and keep the report. One bad pack never stops the others.
/// </summary>
public sealed class PackHost : IAsyncDisposable
{
    private readonly ValhallaPaths _paths;
    private readonly PackValidator _validator;
    private readonly PackActivator _activator;
    private readonly PackEndpointDataSource _endpoints;
    private readonly PackExports _exports;
    private readonly TimeProvider _time;
    private readonly ILogger<PackHost> _logger;
    // Swapped, never mutated: requests read it (OpenAPI, health) while packs load.
    private ImmutableList<PackRuntime> _running = [];

    // What went wrong (or needs attention) while starting each pack, beyond its validation findings.
    private ImmutableDictionary<string, IReadOnlyList<Finding>> _startFindings = ImmutableDictionary<string, IReadOnlyList<Finding>>.Empty;

    internal PackHost(
        ValhallaPaths paths, PackValidator validator, PackActivator activator, PackEndpointDataSource endpoints,
        PackExports exports, TimeProvider time, ILogger<PackHost> logger)
    {
        _paths = paths;
        _validator = validator;
        _activator = activator;
        _endpoints = endpoints;
        _exports = exports;
        _time = time;
        _logger = logger;
        Report = new ValidationReport(time.GetUtcNow(), ContractsVersion.Current, []);
    }

    /// <summary>The service providers of the running packs.</summary>
    internal IEnumerable<IServiceProvider> RunningServices => _running.Select(r => r.Services);

    /// <summary>The report of the last load.</summary>
    public ValidationReport Report { get; private set; }

    /// <summary>Discovers, validates and starts every pack in the drop folder.</summary>
    public async Task<ValidationReport> LoadAllAsync(CancellationToken ct = default)
    {
        var reports = new List<PackReport>();
        foreach (var pack in _validator.Validate(PackDiscovery.Discover(_paths.DropFolder)))
        {
            var report = await LoadAsync(pack, ct);
            _startFindings = _startFindings.SetItem(pack.Code, [.. report.Findings.Except(pack.Findings)]);
            reports.Add(report);
        }

        Report = new ValidationReport(_time.GetUtcNow(), ContractsVersion.Current, reports);
        return Report;
    }

    /// <summary>
    /// Validates the drop folder again without loading anything. A valid pack keeps the status and
    /// start-up findings of the running host (a pack that failed to start still reports why);
    /// one the host has not started is <see cref="PackStatus.Valid"/>.
    /// </summary>
    public ValidationReport Validate()
    {
        var packs = _validator.Validate(PackDiscovery.Discover(_paths.DropFolder));
        var reports = packs.Select(pack =>
        {
            if (!pack.IsValid)
            {
                return Describe(pack, PackStatus.Skipped);
            }

            var current = Report.Packs.FirstOrDefault(r => r.Code == pack.Code && r.Status != PackStatus.Skipped);
            return current is null
                ? Describe(pack, PackStatus.Valid)
                : current with { Findings = [.. pack.Findings, .. _startFindings.GetValueOrDefault(pack.Code, [])] };
        });
        return new ValidationReport(_time.GetUtcNow(), ContractsVersion.Current, [.. reports]);
    }

    /// <summary>Field-level checks of one manifest, for registrations.</summary>
    public IReadOnlyList<Finding> CheckManifest(PackManifest manifest) => _validator.CheckManifest(manifest);

    /// <summary>
    /// Stops every pack, dependents first. Runs as the host's container is disposed, after the
    /// server has stopped, so endpoints are left in place: raising a routing change now would
    /// reach into the disposed container.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _running.Count - 1; i >= 0; i--)
        {
            var runtime = _running[i];
            _exports.RemoveOwner(runtime.Code);
            await runtime.DisposeAsync();
        }

        _running = [];
    }

    private async Task<PackReport> LoadAsync(ValidatedPack pack, CancellationToken ct)
    {
        if (!pack.IsValid)
        {
            _logger.LogWarning("Skipped {Pack}: {Errors}", pack.Code, string.Join("; ", pack.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Code)));
            return Describe(pack, PackStatus.Skipped);
        }

        var manifest = pack.Pack.Manifest!;
        var missing = manifest.Requires.Where(code => _running.All(r => r.Code != code)).ToList();
        if (missing.Count > 0)
        {
            var finding = new Finding(pack.Code, Severity.Error, "requires_not_loaded",
                "A required pack is not running.",
                $"requires: {string.Join(", ", missing)} failed to start, so {pack.Code} was not started. Fix the required pack first.");
            return Describe(pack, PackStatus.Skipped, [finding]);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var runtime = await _activator.ActivateAsync(pack.Pack.Folder, manifest, ct);
            var findings = Publish(runtime);
            _running = _running.Add(runtime);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            _logger.LogInformation("Loaded {Pack} {Version} in {Ms:F0} ms with {Routes} routes", pack.Code, manifest.Version, ms, runtime.Routes.Count);
            return Describe(pack, PackStatus.Loaded, findings) with { LoadMs = Math.Round(ms, 1), Routes = runtime.Routes };
        }
        catch (PackActivationException ex)
        {
            _logger.LogError("Failed to start {Pack}: {Reason}", pack.Code, ex.Message);
            _logger.LogDebug(ex, "Failure of {Pack} in full", pack.Code);
            var finding = new Finding(pack.Code, Severity.Error, ex.Code, "The pack failed to start.", ex.Message);
            return Describe(pack, PackStatus.Failed, [finding]) with { LoadMs = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1) };
        }
    }

    private List<Finding> Publish(PackRuntime runtime)
    {
        var findings = new List<Finding>();
        foreach (var (contract, service) in runtime.Exports)
        {
            if (!_exports.TryAdd(contract, runtime.Code, service))
            {
                findings.Add(new Finding(runtime.Code, Severity.Warning, "export_conflict",
                    $"{contract.Name} is already exported.",
                    $"{_exports.OwnerOf(contract)} already exports {contract.Name}; this pack's export is not used. Remove one of the two packs or stop exporting it."));
            }
        }

        _endpoints.Mount(runtime.Code, runtime.Endpoints);
        return findings;
    }

    private PackReport Describe(ValidatedPack pack, PackStatus status, IReadOnlyList<Finding>? more = null) => new(
        pack.Code,
        Path.GetRelativePath(_paths.DropFolder, pack.Pack.Folder),
        status,
        0,
        [],
        [.. pack.Findings, .. more ?? []],
        pack.Pack.Manifest);
}
