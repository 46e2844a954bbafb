using Valhalla.Contracts;

namespace Valhalla.Packs.Registry.Tests;

/// <summary>The registry list's query is parsed at the edge: a bad value is a 400 naming its parameter.</summary>
public sealed class PackFilterTests
{
    [Fact]
    public void No_query_is_every_pack_on_the_first_default_page()
    {
        Assert.Equal(new PackFilter(null, new PackPage(PackPage.DefaultLimit, 0)), PacksApi.Filter(new PackQuery()));
    }

    [Fact]
    public void A_blank_tag_matches_every_pack()
    {
        Assert.Null(PacksApi.Filter(new PackQuery { Tag = "  " }).Tag);
    }

    [Theory]
    [InlineData(0, null, "limit")]
    [InlineData(501, null, "limit")]
    [InlineData(null, -1, "offset")]
    public void A_page_out_of_range_is_a_400_naming_it(int? limit, int? offset, string field)
    {
        var problem = Assert.Throws<PackProblemException>(() => PacksApi.Filter(new PackQuery { Limit = limit, Offset = offset }));

        Assert.Equal((400, field), (problem.Status, problem.Field));
    }
}
