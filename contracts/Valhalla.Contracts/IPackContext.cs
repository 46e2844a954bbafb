using Valhalla.Contracts.Stores;

namespace Valhalla.Contracts;

/// <summary>What the host tells a pack about itself while the pack configures its services.</summary>
public interface IPackContext
{
    /// <summary>The pack's manifest as read from <c>pack.json</c>.</summary>
    PackManifest Manifest { get; }

    /// <summary>The database of one of the pack's declared data paths, opened and migrated.</summary>
    /// <exception cref="ArgumentException">The data path is not one the manifest declares.</exception>
    IPackDatabase GetDatabase(string dataPath);

    /// <summary>
    /// Offers the pack's registration of <typeparamref name="TService"/> (an interface from these
    /// contracts) to other packs, which find it through <see cref="Services.IPackServices"/>.
    /// </summary>
    void Export<TService>() where TService : class;
}
