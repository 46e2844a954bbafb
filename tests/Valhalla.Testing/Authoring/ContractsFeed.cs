using Valhalla.Contracts;

namespace Valhalla.Testing.Authoring;

/// <summary>
/// Valhalla.Contracts packed from this repository into a folder feed of a test's own, under a
/// prerelease version no other run uses (e.g. <c>1.1.0-test.k3f9x2ab</c>), so NuGet's global packages
/// folder can never serve a copy packed earlier. Disposing deletes the feed and that version's
/// folder from the global packages folder.
/// </summary>
public sealed class ContractsFeed : IDisposable
{
    private readonly TempDirectory _temp;

    private ContractsFeed(TempDirectory temp, string version)
    {
        _temp = temp;
        Version = version;
    }

    /// <summary>The feed: a folder holding the one .nupkg.</summary>
    public string Folder => _temp.Combine("feed");

    /// <summary>The package version, to pass as <c>-p:ValhallaContractsVersion</c> or <c>--contracts-version</c>.</summary>
    public string Version { get; }

    public string PackagePath => Path.Combine(Folder, $"Valhalla.Contracts.{Version}.nupkg");

    /// <summary>Packs the contracts. Their obj and bin go to a temp folder, so the repository's are untouched.</summary>
    public static async Task<ContractsFeed> PackAsync()
    {
        // The version the host under test carries, so its Valhalla.Contracts satisfies what the packs reference.
        var current = typeof(IPack).Assembly.GetName().Version!;
        var version = $"{current.Major}.{current.Minor}.{current.Build}-test.{Guid.NewGuid().ToString("N")[..8]}";
        var temp = new TempDirectory();
        var feed = new ContractsFeed(temp, version);
        try
        {
            await DotnetCli.RunAsync(RepositoryPaths.Root,
                "pack", RepositoryPaths.ContractsProject,
                $"-p:Version={version}",
                "--output", feed.Folder,
                "--artifacts-path", temp.Combine("artifacts"));
            return File.Exists(feed.PackagePath) ? feed : throw new InvalidOperationException($"dotnet pack did not write {feed.PackagePath}.");
        }
        catch
        {
            feed.Dispose();
            throw;
        }
    }

    /// <summary>NuGet's global packages folder: NUGET_PACKAGES, else ~/.nuget/packages.</summary>
    public static string GlobalPackagesFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public void Dispose()
    {
        // NuGet extracts packages under lower-case id and version folders.
        var extracted = Path.Combine(GlobalPackagesFolder, "valhalla.contracts", Version.ToLowerInvariant());
        if (Directory.Exists(extracted))
        {
            Directory.Delete(extracted, recursive: true);
        }

        _temp.Dispose();
    }
}
