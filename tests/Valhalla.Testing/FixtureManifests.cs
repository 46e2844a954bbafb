using System.Text.Json.Nodes;

namespace Valhalla.Testing;

/// <summary>Manifest edits that turn the fixture pack folder into the broken packs tests need.</summary>
public static class FixtureManifests
{
    /// <summary>The pack whose ConfigureServices throws: code X-THROW-1 at /fixtures/throwing.</summary>
    public static void Throwing(JsonObject manifest)
    {
        manifest["code"] = "X-THROW-1";
        manifest["router_symbol"] = "Valhalla.Fixtures.Packs.ThrowingPack";
        manifest["route_prefix"] = "/fixtures/throwing";
        manifest["data_paths"] = new JsonArray("fixtures/throwing.db");
    }

    /// <summary>
    /// A hostile fixture pack: code <paramref name="code"/>, entry type <paramref name="entryType"/> of
    /// Valhalla.Fixtures.Hostile, at /hostile/<paramref name="name"/>.
    /// </summary>
    public static Action<JsonObject> Hostile(string code, string entryType, string name) => manifest =>
    {
        manifest["code"] = code;
        manifest["router_symbol"] = "Valhalla.Fixtures.Hostile." + entryType;
        manifest["route_prefix"] = "/hostile/" + name;
    };

    /// <summary>The built budget pack under another code, prefix and data path: a copy that validates on its own.</summary>
    public static Action<JsonObject> BudgetCopy(string code, string name) => manifest =>
    {
        manifest["code"] = code;
        manifest["route_prefix"] = "/core/" + name;
        manifest["data_paths"] = new JsonArray($"{name}/budget.db");

        // Its pages lie under the original's prefix, which the copy does not hold (page_path_invalid).
        manifest.Remove("pages");
    };
}
