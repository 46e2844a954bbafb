using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Valhalla.Contracts.Access;
using Valhalla.Host.Access;
using Valhalla.Host.Configuration;
using Valhalla.Host.Stores;
using Valhalla.Testing;

namespace Valhalla.Host.Tests.Access;

public sealed class KeyDirectoryTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private ValhallaPaths _paths = null!;
    private HostDatabase _database = null!;
    private KeyDirectory _keys = null!;

    public Task InitializeAsync()
    {
        _paths = new ValhallaPaths(_temp.Path, _temp.Combine("packs"));
        _database = new HostDatabase(_paths, NullLogger<HostDatabase>.Instance);
        _keys = NewDirectory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public void A_key_is_vh_and_32_random_bytes_as_url_safe_text()
    {
        var key = ApiKeySecret.Create();

        Assert.Matches("^vh_[A-Za-z0-9_-]{43}$", key);
        Assert.NotEqual(key, ApiKeySecret.Create());
        Assert.Equal(key[3..11], ApiKeySecret.IdOf(key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("vh_")]
    [InlineData("vh_tooshort")]
    [InlineData("xx_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("vh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!")]
    public void Text_not_shaped_like_a_key_has_no_id(string text)
    {
        Assert.Null(ApiKeySecret.IdOf(text));
    }

    [Fact]
    public async Task A_created_key_authenticates_with_its_name_scope_and_packs()
    {
        var (_, secret) = (await _keys.CreateAsync("phone", AccessScope.Read, ["P-BUDGET-1"], default))!.Value;

        var key = await _keys.AuthenticateAsync(secret, default);

        Assert.NotNull(key);
        Assert.Equal(("phone", AccessScope.Read), (key.Name, key.Scope));
        Assert.Equal(["P-BUDGET-1"], key.Packs);
    }

    [Fact]
    public async Task A_key_that_differs_in_one_character_does_not_authenticate()
    {
        var (_, secret) = (await _keys.CreateAsync("phone", AccessScope.Read, [], default))!.Value;
        var last = secret[^1] == 'A' ? 'B' : 'A';

        Assert.Null(await _keys.AuthenticateAsync(secret[..^1] + last, default));
    }

    [Fact]
    public async Task A_revoked_key_stops_authenticating_and_its_name_can_be_used_again()
    {
        var (_, old) = (await _keys.CreateAsync("phone", AccessScope.Write, [], default))!.Value;

        Assert.True(await _keys.RevokeAsync("phone", default));
        var renewed = await _keys.CreateAsync("phone", AccessScope.Write, [], default);

        Assert.Null(await _keys.AuthenticateAsync(old, default));
        Assert.NotNull(renewed);
        Assert.NotNull(await _keys.AuthenticateAsync(renewed.Value.Secret, default));
        Assert.False(await _keys.RevokeAsync("nobody", default));
    }

    [Fact]
    public async Task Two_active_keys_cannot_share_a_name()
    {
        await _keys.CreateAsync("phone", AccessScope.Read, [], default);

        Assert.Null(await _keys.CreateAsync("phone", AccessScope.Admin, [], default));
    }

    [Fact]
    public async Task A_key_revoked_by_another_process_stops_working_at_the_next_refresh()
    {
        var (_, secret) = (await _keys.CreateAsync("phone", AccessScope.Read, [], default))!.Value;
        await using var otherProcess = new HostDatabase(_paths, NullLogger<HostDatabase>.Instance);
        var other = new KeyDirectory(new KeyStore(otherProcess), _time);

        await other.RevokeAsync("phone", default);
        Assert.NotNull(await _keys.AuthenticateAsync(secret, default)); // not yet re-read
        await _keys.RefreshAsync(default);

        Assert.Null(await _keys.AuthenticateAsync(secret, default));
    }

    [Fact]
    public async Task Use_is_recorded_to_the_minute_and_saved_at_the_next_refresh()
    {
        var (_, secret) = (await _keys.CreateAsync("phone", AccessScope.Read, [], default))!.Value;
        _time.Advance(TimeSpan.FromMinutes(5));

        await _keys.AuthenticateAsync(secret, default);
        await _keys.RefreshAsync(default);

        var stored = (await NewDirectory().ListAsync(default)).Single();
        Assert.Equal(_time.GetUtcNow(), stored.LastUsedAt);
    }

    [Fact]
    public async Task Only_the_hash_is_stored()
    {
        var (_, secret) = (await _keys.CreateAsync("phone", AccessScope.Read, [], default))!.Value;
        await _database.DisposeAsync();

        var files = Directory.GetFiles(_temp.Combine("host")).Select(File.ReadAllBytes).Select(System.Text.Encoding.ASCII.GetString);

        Assert.All(files, content => Assert.DoesNotContain(secret[3..], content, StringComparison.Ordinal));
        _database = new HostDatabase(_paths, NullLogger<HostDatabase>.Instance);
    }

    [Fact]
    public async Task The_owner_key_is_created_once_with_admin_in_a_file_only_its_owner_reads()
    {
        var file = _temp.Combine("owner.key");

        var written = await OwnerKey.EnsureAsync(_keys, file, default);
        var again = await OwnerKey.EnsureAsync(_keys, file, default);

        Assert.Equal(file, written);
        Assert.Null(again);
        var owner = await _keys.AuthenticateAsync((await File.ReadAllTextAsync(file)).Trim(), default);
        Assert.Equal(("owner", AccessScope.Admin), (owner!.Name, owner.Scope));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    private KeyDirectory NewDirectory() => new(new KeyStore(_database), _time);
}
