using Microsoft.AspNetCore.Http;
using Valhalla.Host.Mounting;

namespace Valhalla.Host.Tests.Mounting;

public sealed class RouteScopeTests
{
    [Theory]
    [InlineData("/core/budget")]
    [InlineData("/core/budget/")]
    [InlineData("/core/budget/buckets")]
    [InlineData("/Core/Budget/buckets")]
    [InlineData("/core/budget/{id}")]
    [InlineData("/core/budget/{**rest}")]
    public void Routes_under_the_prefix_are_inside(string pattern) =>
        Assert.Empty(RouteScope.Outside([Endpoints.Get(pattern)], "/core/budget"));

    [Theory]
    [InlineData("/health")]
    [InlineData("/core/budgets/x")]
    [InlineData("/core")]
    [InlineData("/{anything}/budget/x")]
    [InlineData("/core/{name}/x")]
    [InlineData("/core/budget{x}/y")]
    [InlineData("/{**everything}")]
    public void Routes_elsewhere_are_outside_and_named(string pattern) =>
        Assert.Equal([$"GET /{pattern.Trim('/')}"], RouteScope.Outside([Endpoints.Get("/core/budget/ok"), Endpoints.Get(pattern)], "/core/budget"));

    [Fact]
    public void An_endpoint_routing_cannot_match_is_outside() =>
        Assert.Single(RouteScope.Outside([new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "plain")], "/core/budget"));
}
