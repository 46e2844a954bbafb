using Microsoft.Extensions.Logging.Abstractions;
using Valhalla.Host.Backups;
using Valhalla.Testing;

namespace Valhalla.Host.Tests.Backups;

public sealed class BackupRetentionTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void The_newest_are_kept_and_the_oldest_deleted()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var names = Enumerable.Range(0, 5).Select(i => BackupNames.For(start.AddDays(i))).ToList();
        foreach (var name in names)
        {
            File.WriteAllText(_folder.Combine(name), "zip");
        }

        File.WriteAllText(_folder.Combine("notes.zip"), "not a backup");

        var deleted = BackupRetention.Apply(_folder.Path, keep: 3, NullLogger.Instance);

        Assert.Equal(names[..2].Select(n => _folder.Combine(n)).Order(), deleted.Order());
        Assert.Equal(["notes.zip", .. names[2..]], Directory.EnumerateFiles(_folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Keep_zero_keeps_everything()
    {
        File.WriteAllText(_folder.Combine(BackupNames.For(DateTimeOffset.UnixEpoch)), "zip");

        Assert.Empty(BackupRetention.Apply(_folder.Path, keep: 0, NullLogger.Instance));
        Assert.Single(Directory.EnumerateFiles(_folder.Path));
    }

    public void Dispose() => _folder.Dispose();
}
