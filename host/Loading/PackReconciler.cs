using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Mounting;
using Valhalla.Host.Quarantine;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Loading;

/// <summary>
/// Brings the running packs in line with a validated drop folder: starts new packs in dependency
/// order, replaces packs whose files changed (the new copy is started and swapped in before the old
/// one is retired, so requests never find the pack missing), unloads packs whose folder is gone and
/// the packs that require them. A pack whose new files fail keeps serving its old copy.
/// </summary>
internal sealed class PackReconciler(
    PackActivator activator, PackEndpointDataSource endpoints, PackExports exports, ShadowCopies shadows,
    PackReports reports, PackQuarantine quarantine, Action<PackRuntime> retire, Action<UnloadOutcome> abandoned, ILogger logger)
{
    // Swapped, never mutated: requests read them (OpenAPI, health, validate) while a pass runs.
    private ImmutableList<PackRuntime> _running = [];
    private ImmutableDictionary<string, FailedStart> _failed = ImmutableDictionary<string, FailedStart>.Empty;

    /// <summary>The running packs, in the order they started.</summary>
    public IReadOnlyList<PackRuntime> Running => _running;

    /// <summary>One pass: the report line of every pack folder, in load order.</summary>
    public async Task<IReadOnlyList<PackReport>> RunAsync(
        IReadOnlyList<ValidatedPack> packs, IReadOnlyDictionary<string, PackFingerprint> fingerprints, ChangeScope scope, CancellationToken ct)
    {
        var matches = RunningPacks.Match(_running, packs);
        foreach (var gone in _running.Reverse().Where(r => !matches.ContainsValue(r) && scope.Includes(r.Code)))
        {
            Unload(gone, "its folder is gone from the drop folder");
        }

        UnloadOrphans();
        var lines = new List<PackReport>(packs.Count);
        foreach (var pack in packs)
        {
            var current = matches.GetValueOrDefault(pack) is { } matched && _running.Contains(matched) ? matched : null;
            lines.Add(await SettleAsync(pack, current, fingerprints[pack.Pack.Folder], scope, ct));
        }

        return lines;
    }

    /// <summary>The report lines as things stand, without starting or stopping anything.</summary>
    public IReadOnlyList<PackReport> Describe(IReadOnlyList<ValidatedPack> packs)
    {
        var matches = RunningPacks.Match(_running, packs);
        return [.. packs.Select(pack => matches.TryGetValue(pack, out var current)
            ? pack.IsValid ? reports.Serving(current, pack) : ServingDespiteInvalidFiles(current, pack)
            : pack.IsValid ? NotStarted(pack) : reports.Describe(pack, PackStatus.Skipped))];
    }

    /// <summary>
    /// Stops every pack, dependents first, without waiting for requests: the server has stopped. A pack
    /// whose Dispose misses the pack call deadline is left behind; the others still stop.
    /// </summary>
    public async Task StopAllAsync()
    {
        foreach (var runtime in _running.Reverse())
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

    private async Task<PackReport> SettleAsync(ValidatedPack pack, PackRuntime? current, PackFingerprint fingerprint, ChangeScope scope, CancellationToken ct)
    {
        if (!pack.IsValid)
        {
            return current is null ? reports.Describe(pack, PackStatus.Skipped) : ServingDespiteInvalidFiles(current, pack);
        }

        var reloading = scope.Reloaded == pack.Code;
        var unchanged = current is not null && current.Source.Fingerprint == fingerprint && current.Source.Folder == pack.Pack.Folder;
        if ((unchanged && !reloading) || !scope.Includes(pack.Code))
        {
            return current is null ? NotStarted(pack) : reports.Serving(current, pack);
        }

        if (pack.Pack.Manifest!.Requires.FirstOrDefault(code => _running.All(r => r.Code != code)) is { } missing)
        {
            var notRunning = PackReports.RequiresNotLoaded(pack.Code, missing);
            return current is null
                ? reports.Describe(pack, PackStatus.Skipped, notRunning)
                : reports.Serving(current, pack, notRunning, PackReports.PreviousCopyServing(current, $"its new files require {missing}, which is not running"));
        }

        if (reloading)
        {
            quarantine.Lift(pack.Code, "an admin reloaded it");
        }
        else if (current is null && quarantine.Holding(pack.Code, fingerprint.Hash) is { } held)
        {
            return reports.Describe(pack, PackStatus.Skipped, PackReports.Quarantined(held));
        }

        if (!reloading && _failed.TryGetValue(pack.Code, out var failed) && failed.Fingerprint == fingerprint)
        {
            return current is null
                ? reports.Failed(pack, failed)
                : reports.Serving(current, pack, failed.Finding, PackReports.PreviousCopyServing(current, "its new files failed to start"));
        }

        return await StartAsync(pack, current, fingerprint, ct);
    }

    private async Task<PackReport> StartAsync(ValidatedPack pack, PackRuntime? current, PackFingerprint fingerprint, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var folder = pack.Pack.Folder;
        string copy;
        try
        {
            copy = shadows.Copy(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return StillChanging(pack, current, $"its files could not be copied ({ex.Message})");
        }

        if (PackFingerprint.Of(folder) != fingerprint)
        {
            ShadowCopies.Delete(copy);
            return StillChanging(pack, current, "its files changed while the host copied them");
        }

        try
        {
            // On disk before the pack's code runs: if it ends the process, the next start holds it back.
            quarantine.Starting(pack.Code, pack.Pack.Manifest!.Version, fingerprint.Hash);
            var runtime = await activator.ActivateAsync(new PackSource(folder, copy, fingerprint), pack.Pack.Manifest!, ct);
            quarantine.Started(pack.Code);
            await RefuseNameClashesAsync(runtime);
            runtime.StartFindings = Publish(runtime);
            runtime.LoadMs = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
            _running = current is null ? _running.Add(runtime) : _running.Replace(current, runtime);
            _failed = _failed.Remove(pack.Code);
            if (current is null)
            {
                logger.LogInformation("Loaded {Pack} {Version} in {Ms} ms with {Routes} routes", pack.Code, runtime.Manifest.Version, runtime.LoadMs, runtime.Routes.Count);
            }
            else
            {
                logger.LogInformation("Replaced {Pack} {Old} with {Version} in {Ms} ms", pack.Code, current.Manifest.Version, runtime.Manifest.Version, runtime.LoadMs);
                retire(current);
            }

            return reports.Serving(runtime, pack);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ShadowCopies.Delete(copy);
            // Anything the activator did not classify is still this pack's failure, not the host's.
            var (code, reason) = ex is PackActivationException activation
                ? (activation.Code, ex.Message)
                : ("pack_load_failed", $"{pack.Code} failed to start: {ex.GetType().Name}: {ex.Message}");
            var failure = new FailedStart(fingerprint, new Finding(pack.Code, Severity.Error, code, "The pack failed to start.", reason),
                Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1));
            _failed = _failed.SetItem(pack.Code, failure);
            if (ex is PackActivationException { Abandoned: true })
            {
                // The stuck thread holds the pack's load context: it cannot be collected. It may still
                // end the process, so it stays recorded as starting.
                abandoned(new UnloadOutcome(pack.Code, pack.Pack.Manifest!.Version, Unloaded: false, Drained: true));
            }
            else
            {
                quarantine.Started(pack.Code);
            }

            logger.LogError("Failed to start {Pack}: {Reason}", pack.Code, reason);
            logger.LogDebug(ex, "Failure of {Pack} in full", pack.Code);
            return current is null
                ? reports.Failed(pack, failure)
                : reports.Serving(current, pack, failure.Finding, PackReports.PreviousCopyServing(current, "its new files failed to start"));
        }
    }

    /// <summary>
    /// Endpoint names must be unique across the app, or every request fails: a newcomer naming an
    /// endpoint as the host or another pack does is stopped before anything of it is mounted. Its
    /// previous copy's names do not count, since the new copy replaces them.
    /// </summary>
    private async Task RefuseNameClashesAsync(PackRuntime runtime)
    {
        var clashes = EndpointNames.Clashes(runtime.Endpoints, endpoints.HeldOutside(runtime.Code));
        if (clashes.Count == 0)
        {
            return;
        }

        await runtime.DisposeAsync();
        throw new PackActivationException(FindingCodes.EndpointNameConflict,
            $"{runtime.Code} names endpoints as others already do: {string.Join(", ", clashes.Select(c => $"'{c.Name}' ({c.Holder})"))}. "
            + "Endpoint names must be unique across the host: rename them in the pack (WithName). Nothing of this pack was mounted; the others keep serving.");
    }

    /// <summary>Offers the pack's exports and mounts its endpoints, each replacing those of its previous copy in one step.</summary>
    private List<Finding> Publish(PackRuntime runtime)
    {
        var findings = exports.Publish(runtime.Code, runtime.Exports).Select(contract => new Finding(
            runtime.Code, Severity.Warning, FindingCodes.ExportConflict, $"{contract.Name} is already exported.",
            $"{exports.OwnerOf(contract)} already exports {contract.Name}; this pack's export is not used. Remove one of the two packs or stop exporting it.")).ToList();
        endpoints.Mount(runtime.Code, runtime.Endpoints);
        return findings;
    }

    private void Unload(PackRuntime runtime, string why)
    {
        _running = _running.Remove(runtime);
        _failed = _failed.Remove(runtime.Code);
        exports.RemoveOwner(runtime.Code);
        endpoints.Unmount(runtime.Code);
        logger.LogInformation("Unmounted {Pack} {Version}: {Reason}", runtime.Code, runtime.Manifest.Version, why);
        retire(runtime);
    }

    // A pack cannot run without the packs it requires: unmount it with them; it comes back when they do.
    private void UnloadOrphans()
    {
        while (_running.Reverse().FirstOrDefault(r => r.Manifest.Requires.Any(code => _running.All(o => o.Code != code))) is { } orphan)
        {
            var missing = orphan.Manifest.Requires.First(code => _running.All(o => o.Code != code));
            Unload(orphan, $"it requires {missing}, which is no longer loaded");
        }
    }

    private PackReport ServingDespiteInvalidFiles(PackRuntime current, ValidatedPack pack) =>
        reports.Serving(current, pack, PackReports.PreviousCopyServing(current, "the files now in its folder are not valid"));

    private PackReport NotStarted(ValidatedPack pack) =>
        _failed.TryGetValue(pack.Code, out var failed) ? reports.Failed(pack, failed) : reports.Describe(pack, PackStatus.Valid);

    private PackReport StillChanging(ValidatedPack pack, PackRuntime? current, string why) => current is null
        ? reports.Describe(pack, PackStatus.Skipped, PackReports.FilesChanging(pack.Code, $"{pack.Code}: {why}"))
        : reports.Serving(current, pack, PackReports.PreviousCopyServing(current, why));
}
