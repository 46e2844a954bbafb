using Valhalla.Host.Validation;

namespace Valhalla.Host.Tests.Validation;

public sealed class DataFilesTests
{
    [Theory]
    [InlineData("/d/ledger/ledger.db", "/d/ledger/ledger.db", true, "is the same file as")]
    [InlineData("/d/ledger/ledger.db-wal", "/d/ledger/ledger.db", true, "is one of the SQLite files of")]
    [InlineData("/d/ledger/ledger.db-shm", "/d/ledger/ledger.db-journal", true, "is one of the SQLite files of")]
    [InlineData("/d/ledger", "/d/ledger/ledger.db", true, "is a folder holding")]
    [InlineData("/d/ledger/ledger.db/x.db", "/d/ledger/ledger.db", true, "lies under")]
    [InlineData("/d/ledger/ledger.db2", "/d/ledger/ledger.db", false, null)]
    [InlineData("/d/ledger-wal/a.db", "/d/ledger/a.db", false, null)]
    [InlineData("/d/ledgers/ledger.db", "/d/ledger/ledger.db", false, null)]
    public void Paths_clash_when_they_touch_the_same_database_files(string a, string b, bool clash, string? relation)
    {
        Assert.Equal(clash, DataFiles.Clash(a, b, StringComparison.Ordinal));
        Assert.Equal(clash, DataFiles.Clash(b, a, StringComparison.Ordinal));
        if (relation is not null)
        {
            Assert.Equal(relation, DataFiles.Relation(a, b, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Case_counts_only_where_the_file_system_folds_it()
    {
        Assert.False(DataFiles.Clash("/d/Ledger.db", "/d/ledger.db", StringComparison.Ordinal));
        Assert.True(DataFiles.Clash("/d/Ledger.db", "/d/ledger.db-WAL", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("ledger.db-wal", "ledger.db")]
    [InlineData("ledger.db-journal", "ledger.db")]
    [InlineData("notes-journal.db", "notes-journal.db")]
    [InlineData("-wal", "-wal")]
    public void A_side_file_belongs_to_its_database(string path, string database) =>
        Assert.Equal(database, DataFiles.DatabaseOf(path));
}
