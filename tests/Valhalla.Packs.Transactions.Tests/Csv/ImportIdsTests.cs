namespace Valhalla.Packs.Transactions.Tests.Csv;

/// <summary>An import id is stable across runs and files, and tells apart what the household would.</summary>
public sealed class ImportIdsTests
{
    private static readonly DateOnly Day = new(2026, 1, 15);

    [Fact]
    public void A_hash_id_is_h_and_32_hex_digits() =>
        Assert.Matches("^h_[0-9a-f]{32}$", ImportIds.Hash(Day, -320, "Coffee", 1));

    [Fact]
    public void The_hash_is_fixed_text_so_it_survives_a_restart_and_another_machine() =>
        Assert.Equal(ImportIds.Hash(Day, -320, "Coffee", 1), ImportIds.Hash(new DateOnly(2026, 1, 15), -320, "Coffee", 1));

    [Fact]
    public void A_second_identical_row_of_a_file_is_another_transaction() =>
        Assert.NotEqual(ImportIds.Hash(Day, -320, "Coffee", 1), ImportIds.Hash(Day, -320, "Coffee", 2));

    [Fact]
    public void Income_and_expense_of_the_same_amount_differ() =>
        Assert.NotEqual(ImportIds.Hash(Day, -320, "Coffee", 1), ImportIds.Hash(Day, 320, "Coffee", 1));

    [Fact]
    public void No_description_and_an_empty_one_are_the_same_row() =>
        Assert.Equal(ImportIds.Hash(Day, 5, null, 1), ImportIds.Hash(Day, 5, "", 1));

    [Fact]
    public void A_bank_id_is_kept_as_given_trimmed_and_an_empty_cell_is_none()
    {
        Assert.Equal("TX-0042", ImportIds.FromColumn("  TX-0042 "));
        Assert.Null(ImportIds.FromColumn("   "));
    }
}
