using System.Net;
using Valhalla.Testing;

namespace Valhalla.EndToEnd.Tests.Access;

public sealed class OwnerKeyTests : IDisposable
{
    private readonly HostFolders _folders = new();

    private string OwnerKeyFile => Path.Combine(_folders.DataRoot, "owner.key");

    public void Dispose() => _folders.Dispose();

    [Fact]
    public async Task The_first_start_writes_an_admin_owner_key_readable_only_by_its_owner()
    {
        await using var host = await _folders.StartAsync();

        var key = (await File.ReadAllTextAsync(OwnerKeyFile)).Trim();
        Assert.StartsWith("vh_", key);
        Assert.True(key.Length >= 3 + 43, "a key carries at least 32 random bytes");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(OwnerKeyFile));
        }

        Assert.Equal(HttpStatusCode.OK, (await host.ClientWith(key).GetAsync("host/keys")).StatusCode);
    }

    [Fact]
    public async Task A_second_start_keeps_the_owner_key()
    {
        await using (await _folders.StartAsync())
        {
        }

        var first = await File.ReadAllTextAsync(OwnerKeyFile);

        await using var again = await _folders.StartAsync();

        Assert.Equal(first, await File.ReadAllTextAsync(OwnerKeyFile));
        Assert.Equal(HttpStatusCode.OK, (await again.ClientWith(first.Trim()).GetAsync("host/keys")).StatusCode);
    }

    [Fact]
    public async Task Only_a_hash_of_the_key_is_stored()
    {
        await using (await _folders.StartAsync())
        {
        }

        var key = (await File.ReadAllTextAsync(OwnerKeyFile)).Trim();
        var database = await File.ReadAllBytesAsync(Path.Combine(_folders.DataRoot, "host", "host.db"));

        Assert.DoesNotContain(key, System.Text.Encoding.UTF8.GetString(database), StringComparison.Ordinal);
    }
}
