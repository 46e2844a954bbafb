using Valhalla.Host.Mounting;

namespace Valhalla.Host.Tests.Mounting;

public sealed class EndpointNamesTests
{
    [Fact]
    public void A_name_held_elsewhere_is_a_clash_naming_its_holder()
    {
        var clashes = EndpointNames.Clashes(
            [Endpoints.Get("/copy/buckets", "CreateBucket"), Endpoints.Get("/copy/other", "Fresh"), Endpoints.Get("/copy/plain")],
            [("P-BUDGET-1", Endpoints.Get("/core/budget/buckets", "CreateBucket")), ("the host", Endpoints.Get("/health", "GetHealth"))]);

        Assert.Equal([("CreateBucket", "P-BUDGET-1")], clashes);
    }

    [Fact]
    public void Names_compare_exactly()
    {
        var clashes = EndpointNames.Clashes([Endpoints.Get("/a", "gethealth")], [("the host", Endpoints.Get("/health", "GetHealth"))]);

        Assert.Empty(clashes);
    }

    [Fact]
    public void A_name_given_twice_by_one_pack_is_a_duplicate() =>
        Assert.Equal(["Twin"], EndpointNames.Duplicates([Endpoints.Get("/a", "Twin"), Endpoints.Get("/b", "Twin"), Endpoints.Get("/c", "Single")]));
}
