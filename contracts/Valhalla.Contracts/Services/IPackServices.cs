namespace Valhalla.Contracts.Services;

/// <summary>
/// Finds services that other packs export (see <see cref="IPackContext.Export{TService}"/>).
/// Ask at the moment you need a service and do not keep it: packs come and go while the host
/// runs, and a missing service means the caller's documented fallback applies.
/// </summary>
public interface IPackServices
{
    /// <summary>The exported implementation of <typeparamref name="TService"/>, or null when no loaded pack exports one.</summary>
    TService? Find<TService>() where TService : class;
}
