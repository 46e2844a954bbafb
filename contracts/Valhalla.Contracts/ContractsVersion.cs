namespace Valhalla.Contracts;

/// <summary>
/// The version of these contracts. A pack declares the version it was built against in its
/// manifest's <c>contracts</c> field; the host loads it only when the major versions are equal.
/// </summary>
public static class ContractsVersion
{
    /// <summary>Major version: changes only when a contract changes incompatibly.</summary>
    public const int Major = 1;

    /// <summary>Minor version: grows when contracts are added compatibly.</summary>
    public const int Minor = 4;

    /// <summary>The version as written in manifests, e.g. <c>1.0</c>.</summary>
    public static string Current => $"{Major}.{Minor}";
}
