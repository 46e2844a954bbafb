using Valhalla.Contracts;

namespace Valhalla.Packs.Transactions.Tests.Csv;

/// <summary>The links cell: an object of ids read strictly, nothing for an empty object or JSON null, and each id's length limit.</summary>
public sealed class CsvLinksTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"obligation_id\":null}")]
    public void No_ids_are_no_links(string? cell) => Assert.Null(CsvLinks.Parse(cell));

    [Fact]
    public void Every_id_is_read()
    {
        var links = CsvLinks.Parse("{\"obligation_id\":\"ob_1\",\"flow_id\":\"fl_2\",\"replacement_id\":\"tx_3\",\"deal_id\":\"dl_4\"}");

        Assert.Equal(new TxLinks("ob_1", "fl_2", "tx_3", "dl_4"), links);
    }

    [Theory]
    [InlineData("obligation_id")]
    [InlineData("flow_id")]
    [InlineData("replacement_id")]
    [InlineData("deal_id")]
    public void Each_id_may_have_200_characters_and_not_201(string key)
    {
        // Beside a short id, so that one long id among several is enough.
        var other = key == "flow_id" ? "obligation_id" : "flow_id";
        var fits = CsvLinks.Parse($"{{\"{other}\":\"id_1\",\"{key}\":\"{new string('x', 200)}\"}}");
        var problem = Assert.Throws<PackProblemException>(() => CsvLinks.Parse($"{{\"{other}\":\"id_1\",\"{key}\":\"{new string('x', 201)}\"}}"));

        Assert.NotNull(fits);
        Assert.Equal(("links", "links: each id must be at most 200 characters."), (problem.Field, problem.Message));
    }

    [Fact]
    public void A_cell_that_is_not_an_object_of_links_says_what_one_looks_like()
    {
        var problem = Assert.Throws<PackProblemException>(() => CsvLinks.Parse("[1]"));

        Assert.Equal("links: '[1]' is not a JSON object of links, e.g. {\"obligation_id\":\"ob_…\"} (keys obligation_id, flow_id, replacement_id, deal_id).", problem.Message);
    }
}
