using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Mounting;
using Valhalla.Host.Quarantine;
using Valhalla.Host.Validation;

namespace Valhalla.Host.Loading;

/// <summary>
/// Starts one valid pack from a private copy of its folder and publishes it: its exports offered, its
/// endpoints mounted (replacing those of its previous copy in one step). Whatever its code does wrong
/// is this pack's failure, never the host's.
/// </summary>
internal sealed class PackStarter(
    PackActivator activator, PackEndpointDataSource endpoints, PackExports exports, ShadowCopies shadows,
    PackQuarantine quarantine, Retirements retirements, ILogger logger)
{
    public async Task<StartResult> StartAsync(ValidatedPack pack, PackFingerprint fingerprint, CancellationToken ct)
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
            return new StartResult(null, null, $"its files could not be copied ({ex.Message})");
        }

        if (PackFingerprint.Of(folder) != fingerprint)
        {
            ShadowCopies.Delete(copy);
            return new StartResult(null, null, "its files changed while the host copied them");
        }

        try
        {
            // On disk before the pack's code runs: if it ends the process, the next start holds it back.
            quarantine.Starting(pack.Code, pack.Pack.Manifest!.Version, fingerprint.Hash);
            var runtime = await activator.ActivateAsync(new PackSource(folder, copy, fingerprint), pack.Pack.Manifest!, ct);
            quarantine.Started(pack.Code);
            await RefuseNameClashesAsync(runtime);
            var findings = Publish(runtime);
            return new StartResult(new LoadedPack(runtime, Elapsed(started), findings), null, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ShadowCopies.Delete(copy);
            // Anything the activator did not classify is still this pack's failure, not the host's.
            var (code, reason) = ex is PackActivationException activation
                ? (activation.Code, ex.Message)
                : (FindingCodes.PackLoadFailed, $"{pack.Code} failed to start: {ex.GetType().Name}: {ex.Message}");
            var failure = new FailedStart(fingerprint, new Finding(pack.Code, Severity.Error, code, "The pack failed to start.", reason), Elapsed(started));
            if (ex is PackActivationException { Abandoned: true })
            {
                // The stuck thread holds the pack's load context: it cannot be collected. It may still
                // end the process, so it stays recorded as starting.
                retirements.Abandoned(new UnloadOutcome(pack.Code, pack.Pack.Manifest!.Version, Unloaded: false, Drained: true));
            }
            else
            {
                quarantine.Started(pack.Code);
            }

            logger.LogError("Failed to start {Pack}: {Reason}", pack.Code, reason);
            logger.LogDebug(ex, "Failure of {Pack} in full", pack.Code);
            return new StartResult(null, failure, null);
        }
    }

    private static double Elapsed(long started) => Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);

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
}
