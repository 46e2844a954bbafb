using System.Reflection;
using Valhalla.Host.Backups;
using Valhalla.Testing;

namespace Valhalla.Host.Tests.Backups;

public sealed class MigrationLevelsTests : IDisposable
{
    private readonly TempDirectory _drop = new();

    [Fact]
    public void A_pack_s_newest_migration_is_read_from_its_assembly_in_the_drop_folder()
    {
        BuiltPacks.Drop(_drop.Path, BuiltPacks.Transactions);
        var repoRoot = typeof(MigrationLevelsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        var scripts = Directory.EnumerateFiles(Path.Combine(repoRoot, "packs", BuiltPacks.Transactions, "Migrations"), "*.sql").Count();

        var levels = MigrationLevels.Packs(_drop.Path);

        Assert.Equal(scripts, levels["P-BUDGET-2"].Schema);
        Assert.Equal("1.0.0", levels["P-BUDGET-2"].Version);
    }

    [Fact]
    public void A_missing_assembly_knows_no_migration() => Assert.Equal(0, MigrationLevels.Of(_drop.Combine("nothing.dll")));

    [Fact]
    public void The_host_knows_its_own_database_s_newest_migration() => Assert.True(MigrationLevels.Host() >= 1);

    public void Dispose() => _drop.Dispose();
}
