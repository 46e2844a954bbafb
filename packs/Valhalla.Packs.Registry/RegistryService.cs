using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Registry;

/// <summary>
/// The registry's rules: what it knows of packs, how a registration is judged, and the live status
/// the host reports for each. No HTTP, no SQL.
/// </summary>
public sealed class RegistryService(RegistryStore store, IPackCatalog catalog, TimeProvider time)
{
    // The host's finding code for "the new files did not replace the running copy".
    private const string PreviousCopyServing = "previous_copy_serving";

    private ValidationReport? _synced;

    public async Task<IReadOnlyList<PackEntry>> ListAsync(string? tag, CancellationToken ct)
    {
        var report = await SyncAsync(ct);
        var stored = await store.ListAsync(ct);
        return [.. stored.Select(row => Describe(row, report))
            .Concat(report.Packs.Where(p => p.Manifest is null).Select(Unreadable))
            .Where(entry => tag is null || entry.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            .OrderBy(entry => entry.Code, StringComparer.Ordinal)];
    }

    public async Task<PackEntry?> FindAsync(string code, CancellationToken ct)
    {
        var report = await SyncAsync(ct);
        var row = await store.FindAsync(code, ct);
        return row is not null
            ? Describe(row, report)
            : report.Packs.Where(p => p.Manifest is null && p.Code == code).Select(Unreadable).FirstOrDefault();
    }

    /// <summary>Registers a manifest already checked by <see cref="IPackCatalog.CheckManifest"/>.</summary>
    public async Task<Registration> RegisterAsync(PackManifest manifest, CancellationToken ct)
    {
        var report = await SyncAsync(ct);
        var now = Timestamps.Now(time);
        var candidate = new RegisteredPack
        {
            Id = PrefixedId.New("pk"),
            Code = manifest.Code,
            Manifest = ManifestJson.Write(manifest),
            Source = PackSources.Api,
            RegisteredAt = now,
            UpdatedAt = now,
        };
        var (inserted, stored) = await store.TryInsertAsync(candidate, ct);
        if (inserted)
        {
            return new Registration(RegistrationOutcome.Created, Describe(stored, report), []);
        }

        var differences = Differences(stored.Manifest, candidate.Manifest);
        return differences.Count == 0
            ? new Registration(RegistrationOutcome.Unchanged, Describe(stored, report), [])
            : new Registration(RegistrationOutcome.Conflict, Describe(stored, report), differences);
    }

    /// <summary>
    /// Reloads a pack from its folder. Succeeds when the pack now runs the files in its folder; a
    /// pack whose new files were refused (its old copy keeps serving, or nothing does) is a conflict
    /// that names every error.
    /// </summary>
    public async Task<PackEntry> ReloadAsync(string code, CancellationToken ct)
    {
        // Not cancelled with the request: a reload half done would only be redone by the next one.
        var report = await catalog.ReloadAsync(code, CancellationToken.None)
            ?? throw new PackProblemException(StatusCodes.Status404NotFound, "Unknown pack.", $"No folder in the drop folder holds a pack with code '{code}'.");
        if (report.Status != PackStatus.Loaded || report.Errors.Any() || report.Warnings.Any(w => w.Code == PreviousCopyServing))
        {
            // Files still being copied leave only a warning: say that rather than nothing.
            var why = report.Errors.Any() ? report.Errors : report.Warnings;
            var serving = report.Status == PackStatus.Loaded ? $" {code} {report.Manifest?.Version} keeps serving." : "";
            throw PackProblemException.Conflict("The pack could not be reloaded.", string.Join(" ", why.Select(f => $"{f.Code}: {f.Detail}")) + serving);
        }

        return await FindAsync(code, ct) ?? throw PackProblemException.NotFound("pack", code);
    }

    public async Task<ValidationSummary> ValidateAsync(CancellationToken ct)
    {
        var report = await catalog.ValidateAsync(ct);
        return new ValidationSummary(report.Ok, report.Errors, report.Warnings, report.Packs.Count);
    }

    /// <summary>
    /// IPack has no start-up hook, so discovered packs are registered the first time the registry
    /// is asked after the host produced a report: one transaction, then nothing until the report
    /// changes. The rows persist, so a pack seen once stays known after its folder is gone.
    /// </summary>
    private async Task<ValidationReport> SyncAsync(CancellationToken ct)
    {
        var report = catalog.Current;
        if (ReferenceEquals(report, _synced))
        {
            return report;
        }

        var now = Timestamps.Now(time);
        var discovered = report.Packs
            .Where(p => p.Manifest is not null)
            .DistinctBy(p => p.Manifest!.Code)
            .Select(p => new RegisteredPack
            {
                Id = PrefixedId.New("pk"),
                Code = p.Manifest!.Code,
                Manifest = ManifestJson.Write(p.Manifest),
                Source = PackSources.Discovered,
                RegisteredAt = now,
                UpdatedAt = now,
            })
            .ToList();
        await store.UpsertDiscoveredAsync(discovered, ct);
        _synced = report;
        return report;
    }

    private static PackEntry Describe(RegisteredPack row, ValidationReport report)
    {
        var manifest = ManifestJson.Read(row.Manifest);
        var live = report.Packs.FirstOrDefault(p => p.Manifest?.Code == row.Code);
        return new PackEntry(
            row.Id, row.Code, manifest.Name, manifest.Version, live?.Status ?? PackStatus.Registered, row.Source, live?.Folder,
            manifest.RoutePrefix, manifest.Tags, manifest.Requires, manifest.DataPaths, live?.Routes ?? [], live?.LoadMs,
            [.. live?.Errors ?? []], [.. live?.Warnings ?? []], row.RegisteredAt, row.UpdatedAt);
    }

    // A folder whose pack.json cannot be read has no code: it is known by its folder name.
    private static PackEntry Unreadable(PackReport pack) => new(
        null, pack.Code, pack.Folder, null, pack.Status, PackSources.Discovered, pack.Folder, null, [], [], [], [], null,
        [.. pack.Errors], [.. pack.Warnings], null, null);

    private static List<string> Differences(string storedJson, string postedJson)
    {
        var stored = JsonNode.Parse(storedJson)!.AsObject();
        var posted = JsonNode.Parse(postedJson)!.AsObject();
        return [.. stored.Select(p => p.Key).Union(posted.Select(p => p.Key))
            .Where(key => !JsonNode.DeepEquals(stored[key], posted[key]))];
    }
}
