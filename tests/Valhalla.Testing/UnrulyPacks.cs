using System.Text.Json.Nodes;

namespace Valhalla.Testing;

/// <summary>
/// Manifest edits that pick one of the unruly fixture pack's entry types (tests/Fixtures/Valhalla.Fixtures.Unruly)
/// for a dropped copy, under its own code and prefix.
/// </summary>
public static class UnrulyPacks
{
    /// <summary>
    /// The edit for entry type <paramref name="entryType"/> (e.g. <c>SlowPack</c>) as pack <paramref name="code"/>
    /// at <c>/fixtures/{name}</c>, where name is <paramref name="code"/> in lower case.
    /// </summary>
    public static Action<JsonObject> As(string entryType, string code) => manifest =>
    {
        manifest["code"] = code;
        manifest["router_symbol"] = "Valhalla.Fixtures.Unruly." + entryType;
        manifest["route_prefix"] = PrefixOf(code);
    };

    /// <summary>The route prefix <see cref="As"/> gives <paramref name="code"/>, e.g. <c>/fixtures/x-slow-1</c>.</summary>
    public static string PrefixOf(string code) => "/fixtures/" + code.ToLowerInvariant();

    /// <summary>Drops a copy of the unruly pack running <paramref name="entryType"/> as <paramref name="code"/>.</summary>
    public static string DropUnruly(this HostFolders folders, string entryType, string code) =>
        folders.Drop(BuiltPacks.Unruly, code.ToLowerInvariant(), As(entryType, code));
}
