using Microsoft.AspNetCore.Http;
using Valhalla.Contracts.Access;
using Valhalla.Host.Access;
using Valhalla.Host.Mounting;

namespace Valhalla.Host.Tests.Access;

public sealed class AccessPolicyTests
{
    [Theory]
    [InlineData("GET", null, AccessScope.Read)]
    [InlineData("HEAD", null, AccessScope.Read)]
    [InlineData("OPTIONS", null, AccessScope.Read)]
    [InlineData("POST", null, AccessScope.Write)]
    [InlineData("PUT", null, AccessScope.Write)]
    [InlineData("PATCH", null, AccessScope.Write)]
    [InlineData("DELETE", null, AccessScope.Write)]
    [InlineData("GET", AccessScope.Admin, AccessScope.Admin)]
    [InlineData("POST", AccessScope.Admin, AccessScope.Admin)]
    [InlineData("POST", AccessScope.Read, AccessScope.Write)] // a route can raise what it needs, never lower it
    public void A_route_needs_its_methods_scope_or_the_one_it_declares(string method, AccessScope? declared, AccessScope expected)
    {
        var endpoint = new Endpoint(null, declared is null ? EndpointMetadataCollection.Empty : new EndpointMetadataCollection(new RequiredScope(declared.Value)), "test");

        Assert.Equal(expected, AccessPolicy.Needed(method, endpoint));
    }

    [Fact]
    public void The_highest_declared_scope_wins()
    {
        var endpoint = new Endpoint(null, new EndpointMetadataCollection(new RequiredScope(AccessScope.Admin), new RequiredScope(AccessScope.Read)), "test");

        Assert.Equal(AccessScope.Admin, AccessPolicy.Needed("GET", endpoint));
    }

    [Theory]
    [InlineData(AccessScope.Read, AccessScope.Read, true)]
    [InlineData(AccessScope.Read, AccessScope.Write, false)]
    [InlineData(AccessScope.Write, AccessScope.Read, true)]
    [InlineData(AccessScope.Write, AccessScope.Write, true)]
    [InlineData(AccessScope.Write, AccessScope.Admin, false)]
    [InlineData(AccessScope.Admin, AccessScope.Admin, true)]
    [InlineData(AccessScope.Admin, AccessScope.Write, true)]
    public void A_scope_implies_the_ones_below_it(AccessScope has, AccessScope needed, bool allowed)
    {
        var refusal = AccessPolicy.Refusal(Key(has), needed, "POST", Pack("P-BUDGET-1"));

        Assert.Equal(allowed, refusal is null);
        if (!allowed)
        {
            Assert.Contains($"'{needed.ToString().ToLowerInvariant()}'", refusal);
        }
    }

    [Theory]
    [InlineData("P-BUDGET-1", "P-BUDGET-1", true)]
    [InlineData("p-budget-1", "P-BUDGET-1", true)]
    [InlineData("P-BUDGET-1", "P-BUDGET-2", false)]
    [InlineData("essentials", "P-BUDGET-1", true)] // a tag of the budget pack
    [InlineData("ledger", "P-BUDGET-1", false)]
    public void A_restricted_key_reaches_packs_it_names_by_code_or_tag(string restriction, string packCode, bool allowed)
    {
        var refusal = AccessPolicy.Refusal(Key(AccessScope.Write, restriction), AccessScope.Read, "GET", Pack(packCode, "budget", "essentials"));

        Assert.Equal(allowed, refusal is null);
        if (!allowed)
        {
            Assert.Contains(packCode, refusal);
        }
    }

    [Fact]
    public void A_restricted_key_reaches_no_host_route()
    {
        var refusal = AccessPolicy.Refusal(Key(AccessScope.Admin, "P-BUDGET-1"), AccessScope.Admin, "GET", pack: null);

        Assert.NotNull(refusal);
        Assert.Contains("host routes", refusal);
    }

    [Fact]
    public void An_unrestricted_key_reaches_host_routes()
    {
        Assert.Null(AccessPolicy.Refusal(Key(AccessScope.Admin), AccessScope.Admin, "GET", pack: null));
    }

    private static ApiKey Key(AccessScope scope, params string[] packs) =>
        new("abcdefgh", "test", scope, packs, DateTimeOffset.UnixEpoch, null, null);

    private static PackEndpointMetadata Pack(string code, params string[] tags) =>
        new(code, "1.0.0", tags, EmptyServices.Instance, new RequestGate());

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
