using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;

namespace Valhalla.Packs.Registry.Tests;

/// <summary>The host's catalog as the test sets it: the current report, what validation and reloads answer.</summary>
public sealed class FakeCatalog : IPackCatalog
{
    public ValidationReport Current { get; set; } = Report();

    public ValidationReport Validated { get; set; } = Report();

    public Dictionary<string, PackReport> Reloads { get; } = [];

    public List<string> Reloaded { get; } = [];

    public Task<ValidationReport> ValidateAsync(CancellationToken cancellationToken = default) => Task.FromResult(Validated);

    public Task<PackReport?> ReloadAsync(string code, CancellationToken cancellationToken = default)
    {
        Reloaded.Add(code);
        return Task.FromResult(Reloads.GetValueOrDefault(code));
    }

    public IReadOnlyList<Finding> CheckManifest(PackManifest manifest) => throw new NotSupportedException("the registry's service does not check manifests");

    public static ValidationReport Report(params PackReport[] packs) =>
        new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "1.2", packs);

    public static PackManifest Manifest(string code, string version = "1.0.0", params string[] tags) => new()
    {
        Code = code,
        Name = $"{code} pack",
        Version = version,
        Module = "Acme." + code,
        RouterSymbol = "Acme.Pack",
        RoutePrefix = "/" + code.ToLowerInvariant(),
        Contracts = "1.2",
        DataPaths = [$"{code.ToLowerInvariant()}/db.sqlite"],
        Requires = [],
        Tags = tags,
    };

    public static PackReport Loaded(PackManifest manifest, params Finding[] findings) =>
        new(manifest.Code, manifest.Code.ToLowerInvariant(), PackStatus.Loaded, 12.5, [$"GET {manifest.RoutePrefix}/x"], findings, manifest);

    public static PackReport With(PackManifest manifest, PackStatus status, params Finding[] findings) =>
        new(manifest.Code, manifest.Code.ToLowerInvariant(), status, 0, [], findings, manifest);

    public static Finding Error(string pack, string code) => new(pack, Severity.Error, code, $"title of {code}", $"detail of {code}");

    public static Finding Warning(string pack, string code) => new(pack, Severity.Warning, code, $"title of {code}", $"detail of {code}");
}
