using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Kit.Tests;

/// <summary>The pager's arithmetic the ledger and audit pages share, at its edges.</summary>
public sealed class PageWindowTests
{
    [Fact]
    public void The_first_page_has_no_previous_and_a_next_when_more_rows_match()
    {
        var window = new PageWindow(offset: 0, limit: 25, shown: 25, total: 70);

        Assert.Null(window.Previous);
        Assert.Equal(25, window.Next);
        Assert.Equal((1, 25), (window.FirstShown, window.LastShown));
    }

    [Fact]
    public void The_last_page_has_a_previous_and_no_next()
    {
        var window = new PageWindow(offset: 50, limit: 25, shown: 20, total: 70);

        Assert.Equal(25, window.Previous);
        Assert.Null(window.Next);
        Assert.Equal((51, 70), (window.FirstShown, window.LastShown));
    }

    [Fact]
    public void A_total_that_is_an_exact_multiple_of_the_limit_ends_without_an_empty_page()
    {
        var window = new PageWindow(offset: 25, limit: 25, shown: 25, total: 50);

        Assert.Equal(0, window.Previous);
        Assert.Null(window.Next);
        Assert.Equal((26, 50), (window.FirstShown, window.LastShown));
    }

    [Fact]
    public void A_single_page_has_neither_previous_nor_next()
    {
        var window = new PageWindow(offset: 0, limit: 25, shown: 3, total: 3);

        Assert.Equal((null, null), (window.Previous, window.Next));
    }

    [Theory]
    [InlineData(100, 70, 50)]
    [InlineData(1000, 70, 50)]
    [InlineData(100, 75, 50)]
    [InlineData(100, 76, 75)]
    [InlineData(10, 0, 0)]
    public void From_past_the_end_previous_leads_to_the_last_page_that_has_rows(int offset, int total, int previous)
    {
        var window = new PageWindow(offset, limit: 25, shown: 0, total);

        Assert.Equal(previous, window.Previous);
        Assert.Null(window.Next);
        Assert.Equal((0, 0), (window.FirstShown, window.LastShown));
    }

    [Fact]
    public void An_offset_between_pages_goes_back_no_further_than_the_first_row()
    {
        var window = new PageWindow(offset: 10, limit: 25, shown: 25, total: 70);

        Assert.Equal(0, window.Previous);
        Assert.Equal(35, window.Next);
    }

    [Theory]
    [InlineData(0, null, 1)]
    [InlineData(1, 0, 2)]
    [InlineData(2, 1, null)]
    public void With_a_limit_of_1_every_row_is_its_own_page(int offset, int? previous, int? next)
    {
        var window = new PageWindow(offset, limit: 1, shown: 1, total: 3);

        Assert.Equal((previous, next), (window.Previous, window.Next));
        Assert.Equal((offset + 1, offset + 1), (window.FirstShown, window.LastShown));
    }

    [Theory]
    [InlineData(-1, 25, 0, 0)]
    [InlineData(0, 0, 0, 0)]
    [InlineData(0, 25, -1, 0)]
    [InlineData(0, 25, 0, -1)]
    public void A_negative_count_or_a_limit_below_1_is_a_programming_error(int offset, int limit, int shown, int total) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageWindow(offset, limit, shown, total));
}
