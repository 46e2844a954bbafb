using Valhalla.Host;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Hosting;

public sealed class CommandLineTests : IDisposable
{
    private readonly HostFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task Validate_exits_0_for_a_clean_drop_folder_and_writes_the_report()
    {
        _folders.Drop(BuiltPacks.Fixtures, "good");

        var exitCode = await ValhallaCommand.RunAsync(["validate", .. _folders.HostArgs]);

        Assert.Equal(0, exitCode);
        Assert.Contains("\"valid\"", File.ReadAllText(Path.Combine(_folders.DataRoot, "reports", "validation.json")));
    }

    [Fact]
    public async Task Validate_exits_1_when_any_pack_has_an_error_and_does_not_run_pack_code()
    {
        _folders.Drop(BuiltPacks.Fixtures, "good");
        var broken = _folders.Drop(BuiltPacks.Fixtures, "broken");
        File.WriteAllText(Path.Combine(broken, "pack.json"), "not json");

        var exitCode = await ValhallaCommand.RunAsync(["validate", .. _folders.HostArgs]);

        Assert.Equal(1, exitCode);
        Assert.False(File.Exists(Path.Combine(_folders.DataRoot, "fixtures", "good.db")), "validate must not open pack stores");
    }

    [Fact]
    public async Task Strict_mode_refuses_to_serve_when_a_pack_fails()
    {
        _folders.Drop(BuiltPacks.Fixtures, "throwing", FixtureManifests.Throwing);

        var exitCode = await ValhallaCommand.RunAsync(["--strict", "--urls=http://127.0.0.1:0", .. _folders.HostArgs]);

        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task Strict_mode_can_be_set_in_configuration()
    {
        _folders.Drop(BuiltPacks.Fixtures, "throwing", FixtureManifests.Throwing);

        var exitCode = await ValhallaCommand.RunAsync(["--Valhalla:Strict=true", "--urls=http://127.0.0.1:0", .. _folders.HostArgs]);

        Assert.Equal(1, exitCode);
    }
}
