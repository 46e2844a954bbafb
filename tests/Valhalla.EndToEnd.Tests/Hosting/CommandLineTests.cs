using Valhalla.Host;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Hosting;

public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string DataRoot => _temp.Combine("data");

    private string DropFolder => _temp.Combine("data", "packs");

    private string[] Folders => [$"--Valhalla:DataPath={DataRoot}", $"--Valhalla:PacksPath={DropFolder}", "--Logging:LogLevel:Default=Warning"];

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Validate_exits_0_for_a_clean_drop_folder_and_writes_the_report()
    {
        BuiltPacks.Drop(DropFolder, BuiltPacks.Fixtures, "good");

        var exitCode = await ValhallaCommand.RunAsync(["validate", .. Folders]);

        Assert.Equal(0, exitCode);
        Assert.Contains("\"valid\"", File.ReadAllText(Path.Combine(DataRoot, "reports", "validation.json")));
    }

    [Fact]
    public async Task Validate_exits_1_when_any_pack_has_an_error_and_does_not_run_pack_code()
    {
        BuiltPacks.Drop(DropFolder, BuiltPacks.Fixtures, "good");
        var broken = BuiltPacks.Drop(DropFolder, BuiltPacks.Fixtures, "broken");
        File.WriteAllText(Path.Combine(broken, "pack.json"), "not json");

        var exitCode = await ValhallaCommand.RunAsync(["validate", .. Folders]);

        Assert.Equal(1, exitCode);
        Assert.False(File.Exists(Path.Combine(DataRoot, "fixtures", "good.db")), "validate must not open pack stores");
    }

    [Fact]
    public async Task Strict_mode_refuses_to_serve_when_a_pack_fails()
    {
        BuiltPacks.Drop(DropFolder, BuiltPacks.Fixtures, "throwing", m =>
        {
            m["code"] = "X-THROW-1";
            m["router_symbol"] = "Valhalla.Fixtures.Packs.ThrowingPack";
            m["route_prefix"] = "/fixtures/throwing";
            m["data_paths"] = new System.Text.Json.Nodes.JsonArray();
        });

        var exitCode = await ValhallaCommand.RunAsync(["--strict", "--urls=http://127.0.0.1:0", .. Folders]);

        Assert.Equal(1, exitCode);
    }
}
