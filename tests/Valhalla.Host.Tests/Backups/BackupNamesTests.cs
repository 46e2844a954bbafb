using Valhalla.Host.Backups;

namespace Valhalla.Host.Tests.Backups;

public sealed class BackupNamesTests
{
    [Fact]
    public void A_name_carries_the_snapshot_time_and_reads_back()
    {
        var time = new DateTimeOffset(2026, 12, 1, 3, 15, 0, 250, TimeSpan.Zero);

        var name = BackupNames.For(time);

        Assert.Equal("valhalla-20261201T031500250Z.zip", name);
        Assert.True(BackupNames.IsValid(name));
        Assert.Equal(time, BackupNames.TimeOf(name));
    }

    [Theory]
    [InlineData("../owner.key")]
    [InlineData("..%2Fowner.key")]
    [InlineData("valhalla-20261201T031500250Z.zip.partial")]
    [InlineData("valhalla-20261201T031500250Z.zip/../../owner.key")]
    [InlineData("/etc/passwd")]
    [InlineData("VALHALLA-20261201T031500250Z.ZIP")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_a_backup_name_is_refused(string? name) => Assert.False(BackupNames.IsValid(name));
}
