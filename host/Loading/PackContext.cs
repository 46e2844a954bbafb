using Valhalla.Contracts;
using Valhalla.Contracts.Stores;

namespace Valhalla.Host.Loading;

/// <summary>What a pack sees of itself while configuring; collects the contracts it exports.</summary>
internal sealed class PackContext(PackManifest manifest, IReadOnlyDictionary<string, IPackDatabase> databases) : IPackContext
{
    private readonly List<Type> _exports = [];

    public PackManifest Manifest => manifest;

    public IReadOnlyList<Type> Exports => _exports;

    public IPackDatabase GetDatabase(string dataPath) =>
        databases.TryGetValue(dataPath, out var database)
            ? database
            : throw new ArgumentException($"'{dataPath}' is not one of the data paths in {manifest.Code}'s pack.json ({string.Join(", ", manifest.DataPaths)}).", nameof(dataPath));

    public void Export<TService>() where TService : class
    {
        var contract = typeof(TService);
        if (!contract.IsInterface || contract.Assembly != typeof(IPack).Assembly)
        {
            throw new ArgumentException($"{manifest.Code} exports {contract.FullName}, but only interfaces from Valhalla.Contracts can be exported: other packs cannot see the pack's own types.");
        }

        _exports.Add(contract);
    }
}
