using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Valhalla.Host;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Hosting;

public sealed class SettingsTests : IDisposable
{
    private readonly HostFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task Settings_files_are_not_watched_so_database_writes_under_the_content_root_wake_nothing()
    {
        await using var app = ValhallaApp.Build(_folders.HostArgs);

        var settings = ((IConfigurationRoot)app.Configuration).Providers.OfType<JsonConfigurationProvider>().ToList();
        Assert.NotEmpty(settings);
        Assert.All(settings, provider => Assert.False(provider.Source.ReloadOnChange, provider.Source.Path));
    }

    [Fact]
    public async Task Watching_settings_can_still_be_asked_for_on_the_command_line()
    {
        // A later command-line value overrides the default the host puts first, so this holds even
        // without the host's own check for the argument; the environment case below is the one that needs it.
        await using var app = ValhallaApp.Build([.. _folders.HostArgs, "--hostBuilder:reloadConfigOnChange=true"]);

        Assert.Contains(((IConfigurationRoot)app.Configuration).Providers.OfType<JsonConfigurationProvider>(), p => p.Source.ReloadOnChange);
    }

    [Fact]
    public async Task Watching_settings_can_still_be_asked_for_in_the_environment()
    {
        // Without the host's check for this variable, its command-line default would override it.
        // Tests of one class run one at a time, so the other test here never sees the variable.
        const string variable = "DOTNET_hostBuilder__reloadConfigOnChange";
        Environment.SetEnvironmentVariable(variable, "true");
        try
        {
            await using var app = ValhallaApp.Build(_folders.HostArgs);

            Assert.Contains(((IConfigurationRoot)app.Configuration).Providers.OfType<JsonConfigurationProvider>(), p => p.Source.ReloadOnChange);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
