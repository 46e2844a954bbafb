// TEMPORARY: replaced by the validation branch.
using Valhalla.Contracts;
using Valhalla.Contracts.Catalog;
using Valhalla.Host.Configuration;

namespace Valhalla.Host.Discovery
{
    public sealed record DiscoveredPack(string Folder, string FolderName, PackManifest? Manifest, IReadOnlyList<Finding> Findings)
    {
        public string Code => Manifest?.Code ?? FolderName;
    }

    public sealed record ManifestReadResult(PackManifest? Manifest, IReadOnlyList<Finding> Findings);

    public static class PackDiscovery
    {
        public static IReadOnlyList<DiscoveredPack> Discover(string dropFolder) =>
            !Directory.Exists(dropFolder) ? [] : [.. Directory.GetDirectories(dropFolder).Where(d => File.Exists(Path.Combine(d, "pack.json"))).Order().Select(d => Read(d))];

        private static DiscoveredPack Read(string d)
        {
            try { return new DiscoveredPack(d, Path.GetFileName(d), System.Text.Json.JsonSerializer.Deserialize<PackManifest>(File.ReadAllText(Path.Combine(d, "pack.json")), new System.Text.Json.JsonSerializerOptions { RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true }), []); }
            catch (System.Text.Json.JsonException ex) { return new DiscoveredPack(d, Path.GetFileName(d), null, [new Finding(Path.GetFileName(d), Severity.Error, "manifest_invalid", "bad", ex.Message)]); }
        }

        public static ManifestReadResult ReadManifest(string json, string packLabel) => throw new NotImplementedException();
    }
}

namespace Valhalla.Host.Validation
{
    using Valhalla.Host.Discovery;

    public sealed record ValidatedPack(DiscoveredPack Pack, IReadOnlyList<Finding> Findings)
    {
        public bool IsValid => !Findings.Any(f => f.Severity == Severity.Error);

        public string Code => Pack.Code;
    }

    public sealed class PackValidator(ValhallaPaths paths)
    {
        public ValhallaPaths Paths => paths;

        public IReadOnlyList<ValidatedPack> Validate(IReadOnlyList<DiscoveredPack> packs) => [.. packs.Select(p => new ValidatedPack(p, p.Findings))];

        public IReadOnlyList<Finding> CheckManifest(PackManifest manifest) => [];
    }
}
