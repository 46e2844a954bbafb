using System.Reflection;

namespace Valhalla.Benchmarks;

/// <summary>Where the built host, packs and fixtures of this configuration are.</summary>
internal static class Paths
{
    public static readonly string RepoRoot = Metadata("RepoRoot");
    public static readonly string Configuration = Metadata("Configuration");

    public static string HostDll => Path.Combine(RepoRoot, "host", "bin", Configuration, "net10.0", "Valhalla.Host.dll");

    public static string Pack(string project) => Path.Combine(RepoRoot, "packs", project, "bin", Configuration, "net10.0");

    public static string Fixture(string project) => Path.Combine(RepoRoot, "tests", "Fixtures", project, "bin", Configuration, "net10.0");

    public static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
