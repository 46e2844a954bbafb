using Valhalla.Contracts.Catalog;
using Valhalla.Host;
using Valhalla.Testing;
using Valhalla.Testing.Authoring;

namespace Valhalla.EndToEnd.Tests.Authoring;

/// <summary>The reminders sample, built from a copy of its folder against the packed contracts.</summary>
[Collection(AuthoringCollection.Name)]
public sealed class SamplePackTests(AuthoringKit kit) : IDisposable
{
    private const string Folder = "Valhalla.Samples.Reminders";
    private readonly HostFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task The_sample_builds_against_the_package_without_shipping_the_contracts()
    {
        var output = await kit.SampleAsync();

        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains("pack.json", files);
        Assert.Contains("Valhalla.Samples.Reminders.dll", files);
        Assert.Contains("Dapper.dll", files);
        Assert.DoesNotContain("Valhalla.Contracts.dll", files);
        Assert.DoesNotContain(files, f => f!.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal) || f.StartsWith("SQLitePCLRaw", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f!.EndsWith(".runtimeconfig.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_offline_validator_accepts_the_sample()
    {
        _folders.DropBuild(await kit.SampleAsync(), Folder);

        var exitCode = await ValhallaCommand.RunAsync(["validate", .. _folders.HostArgs]);

        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task The_sample_is_loaded_by_a_running_host_and_mounts_its_routes()
    {
        _folders.DropBuild(await kit.SampleAsync(), Folder);

        await using var host = await _folders.StartAsync();

        var pack = host.Report.AssertLoaded("P-REMIND-1");
        Assert.Equal(["GET /core/reminders", "POST /core/reminders"], pack.Routes.Order(StringComparer.Ordinal));
    }
}
