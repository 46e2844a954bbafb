using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Loading;
using Valhalla.Host.Mounting;
using Valhalla.Host.Quarantine;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Lifecycle;

/// <summary>
/// Carries out a <see cref="LifecyclePlanner"/> plan and keeps what runs and what failed to start. A new
/// copy of a pack is started and swapped in before the old one is retired, so requests never find the
/// pack missing; a pack whose new files fail keeps serving its old copy.
/// </summary>
internal sealed class LifecycleExecutor(
    PackStarter starter, PackEndpointDataSource endpoints, PackExports exports, PackReports reports,
    PackQuarantine quarantine, Retirements retirements, ILogger logger)
{
    // Swapped, never mutated: requests read them (OpenAPI, health, validate) while a plan runs.
    private ImmutableList<LoadedPack> _running = [];
    private ImmutableDictionary<string, FailedStart> _failed = ImmutableDictionary<string, FailedStart>.Empty;

    /// <summary>The running packs, in the order they started.</summary>
    public IReadOnlyList<LoadedPack> Running => _running;

    /// <summary>The starts that failed, by code.</summary>
    public IReadOnlyDictionary<string, FailedStart> Failed => _failed;

    /// <summary>Carries out <paramref name="plan"/>; returns the report line of every pack folder, in plan order.</summary>
    public async Task<IReadOnlyList<PackReport>> ExecuteAsync(IReadOnlyList<PackAction> plan, CancellationToken ct)
    {
        var lines = new List<PackReport>(plan.Count);
        foreach (var action in plan)
        {
            switch (action)
            {
                case UnloadAction unload:
                    Unload(Find(unload.Code), unload.Why);
                    break;
                case KeepAction keep:
                    lines.Add(reports.Serving(Find(keep.Code), keep.Pack, keep.Findings));
                    break;
                case ReportAction report:
                    lines.Add(reports.Describe(report.Pack, report.Status, report.Findings) with { LoadMs = report.LoadMs });
                    break;
                case StartAction start:
                    lines.Add(await StartAsync(start, ct));
                    break;
            }
        }

        return lines;
    }

    /// <summary>The report lines as things stand, without starting or stopping anything.</summary>
    public IReadOnlyList<PackReport> Describe(IReadOnlyList<ValidatedPack> packs)
    {
        var matches = PackMatching.Match([.. _running.Select(r => r.Described)], packs);
        return [.. packs.Select(pack => matches.TryGetValue(pack, out var current)
            ? pack.IsValid ? reports.Serving(Find(current.Code), pack)
                : reports.Serving(Find(current.Code), pack, LifecycleFindings.PreviousCopyServing(current, "the files now in its folder are not valid"))
            : pack.IsValid ? _failed.TryGetValue(pack.Code, out var failed) ? reports.Failed(pack, failed) : reports.Describe(pack, PackStatus.Valid)
            : reports.Describe(pack, PackStatus.Skipped))];
    }

    /// <summary>
    /// Stops every pack, dependents first, without waiting for requests: the server has stopped. A pack
    /// whose Dispose misses the pack call deadline is left behind; the others still stop.
    /// </summary>
    public async Task StopAllAsync()
    {
        foreach (var runtime in _running.Reverse().Select(r => r.Runtime))
        {
            exports.RemoveOwner(runtime.Code);
            try
            {
                await runtime.DisposeAsync();
            }
            catch (PackCallTimeoutException timeout)
            {
                logger.LogError("{Pack} did not stop: {Reason}; the host stops without it", runtime.Code, timeout.Message);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "{Pack} threw while being disposed", runtime.Code);
            }
        }

        _running = [];
    }

    private async Task<PackReport> StartAsync(StartAction start, CancellationToken ct)
    {
        var (pack, code) = (start.Pack, start.Code);
        var current = start.Replacing is null ? null : Find(start.Replacing.Code);
        if (start.After.FirstOrDefault(required => _running.All(r => r.Code != required)) is { } missing)
        {
            var notRunning = LifecycleFindings.RequiresNotLoaded(code, missing);
            return NotStarted(pack, current, PackStatus.Skipped, notRunning, $"its new files require {missing}, which is not running");
        }

        if (start.LiftQuarantine is { } why)
        {
            quarantine.Lift(code, why);
        }

        var result = await starter.StartAsync(pack, start.Fingerprint, ct);
        if (result.Loaded is { } loaded)
        {
            _running = current is null ? _running.Add(loaded) : _running.Replace(current, loaded);
            _failed = _failed.Remove(code);
            if (current is null)
            {
                logger.LogInformation("Loaded {Pack} {Version} in {Ms} ms with {Routes} routes", code, loaded.Runtime.Manifest.Version, loaded.LoadMs, loaded.Runtime.Routes.Count);
            }
            else
            {
                logger.LogInformation("Replaced {Pack} {Old} with {Version} in {Ms} ms", code, current.Runtime.Manifest.Version, loaded.Runtime.Manifest.Version, loaded.LoadMs);
                retirements.Retire(current.Runtime);
            }

            return reports.Serving(loaded, pack);
        }

        if (result.Failure is { } failure)
        {
            _failed = _failed.SetItem(code, failure);
            return current is null
                ? reports.Failed(pack, failure)
                : reports.Serving(current, pack, failure.Finding, LifecycleFindings.PreviousCopyServing(current.Described, "its new files failed to start"));
        }

        return current is null
            ? reports.Describe(pack, PackStatus.Skipped, LifecycleFindings.FilesChanging(code, $"{code}: {result.StillChanging}"))
            : reports.Serving(current, pack, LifecycleFindings.PreviousCopyServing(current.Described, result.StillChanging!));
    }

    private PackReport NotStarted(ValidatedPack pack, LoadedPack? current, PackStatus status, Finding finding, string why) => current is null
        ? reports.Describe(pack, status, finding)
        : reports.Serving(current, pack, finding, LifecycleFindings.PreviousCopyServing(current.Described, why));

    private LoadedPack Find(string code) => _running.First(r => r.Code == code);

    private void Unload(LoadedPack loaded, string why)
    {
        _running = _running.Remove(loaded);
        _failed = _failed.Remove(loaded.Code);
        exports.RemoveOwner(loaded.Code);
        endpoints.Unmount(loaded.Code);
        logger.LogInformation("Unmounted {Pack} {Version}: {Reason}", loaded.Code, loaded.Runtime.Manifest.Version, why);
        retirements.Retire(loaded.Runtime);
    }
}
