using Valhalla.Contracts;

namespace Valhalla.Packs.Obligations.Tests;

/// <summary>The list filters are parsed at the edge: a bad one is a 400 naming its parameter, before the service sees it.</summary>
public sealed class ObligationFilterTests
{
    [Fact]
    public void No_filter_matches_everything()
    {
        Assert.Equal(new ObligationFilter(), ObligationsApi.Filter(new ObligationQuery()));
    }

    [Fact]
    public void Good_filters_pass_through()
    {
        Assert.Equal(new ObligationFilter("archived", "bk_aaaaaaaaaaaa"), ObligationsApi.Filter(new ObligationQuery { Status = "archived", BucketId = "bk_aaaaaaaaaaaa" }));
    }

    [Theory]
    [InlineData("gone", null, "status")]
    [InlineData(null, "bucket-1", "bucket_id")]
    public void A_bad_filter_is_a_400_naming_it(string? status, string? bucketId, string field)
    {
        var problem = Assert.Throws<PackProblemException>(() => ObligationsApi.Filter(new ObligationQuery { Status = status, BucketId = bucketId }));

        Assert.Equal((400, field), (problem.Status, problem.Field));
    }
}
