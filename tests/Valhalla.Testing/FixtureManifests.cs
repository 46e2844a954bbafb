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
}
