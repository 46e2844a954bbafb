using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;

namespace Valhalla.Host.Loading;

/// <summary>The host's <see cref="IPackCatalog"/>, offered to packs (the registry serves it).</summary>
internal sealed class PackCatalog(PackHost host) : IPackCatalog
{
    public ValidationReport Current => host.Report;

    public Task<ValidationReport> ValidateAsync(CancellationToken cancellationToken = default) =>
        Task.Run(host.Validate, cancellationToken);

    public Task<PackReport?> ReloadAsync(string code, CancellationToken cancellationToken = default) =>
        host.ReloadAsync(code, cancellationToken);

    public IReadOnlyList<Finding> CheckManifest(PackManifest manifest) => host.CheckManifest(manifest);
}
