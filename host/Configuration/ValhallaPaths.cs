namespace Valhalla.Host.Configuration;

/// <summary>The host's folders as absolute, normalised paths.</summary>
/// <param name="DataRoot">Where pack databases and reports live.</param>
/// <param name="DropFolder">Where packs are discovered.</param>
public sealed record ValhallaPaths(string DataRoot, string DropFolder)
{
    /// <summary>Where validation reports are written.</summary>
    public string ReportsFolder => Path.Combine(DataRoot, "reports");

    /// <summary>The owner key written on first start, readable by the owner only.</summary>
    public string OwnerKeyFile => Path.Combine(DataRoot, "owner.key");

    /// <summary>The host's own state (its database, what served, what it was starting, quarantined packs), out of every pack's reach.</summary>
    public string HostFolder => Path.Combine(DataRoot, "host");

    /// <summary>Resolves the configured paths against <paramref name="contentRoot"/>.</summary>
    public static ValhallaPaths From(ValhallaOptions options, string contentRoot) => new(
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.DataPath, contentRoot)),
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.PacksPath, contentRoot)));
}
