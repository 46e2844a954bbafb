using System.Text.Json.Nodes;
using Valhalla.Host.Configuration;
using Valhalla.Host.Discovery;
using Valhalla.Host.Validation;
using Valhalla.Testing;

namespace Valhalla.Host.Tests.Validation;

/// <summary>A temp data root with its drop folder inside, filled with copies of the fixture pack.</summary>
internal sealed class DropFolder : IDisposable
{
    private readonly TempDirectory _temp = new();

    public DropFolder()
    {
        Paths = new ValhallaPaths(_temp.Combine("data"), _temp.Combine("data", "packs"));
        Directory.CreateDirectory(Paths.DropFolder);
    }

    public ValhallaPaths Paths { get; }

    public string Outside => _temp.Combine("outside");

    /// <summary>Drops the fixture pack in <paramref name="folder"/>, editing its manifest; code and prefix default to ones unique to the folder.</summary>
    public string Add(string folder, Action<JsonObject>? edit = null) =>
        BuiltPacks.Drop(Paths.DropFolder, BuiltPacks.Fixtures, folder, m =>
        {
            m["code"] = "X-" + folder.ToUpperInvariant();
            m["route_prefix"] = "/fixtures/" + folder;
            m["data_paths"] = new JsonArray($"fixtures/{folder}.db");
            edit?.Invoke(m);
        });

    public IReadOnlyList<ValidatedPack> Validate(IReadOnlyCollection<ServingPack>? serving = null) =>
        new PackValidator(Paths).Validate(PackDiscovery.Discover(Paths.DropFolder), serving);

    public ValidatedPack ValidateOne(string code) => Validate().Single(p => p.Code == code);

    public void Dispose() => _temp.Dispose();
}
