using Microsoft.Extensions.Configuration;
using Valhalla.Host.Access;

namespace Valhalla.Host.Tests.Access;

public sealed class ListenAddressesTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8000", true)]
    [InlineData("http://127.0.0.2:8000", true)]
    [InlineData("http://localhost:8000", true)]
    [InlineData("http://LOCALHOST", true)]
    [InlineData("http://[::1]:8000", true)]
    [InlineData("https://[::1]", true)]
    [InlineData("http://0.0.0.0:8000", false)]
    [InlineData("http://[::]:8000", false)]
    [InlineData("http://*:8000", false)]
    [InlineData("http://+:8000", false)]
    [InlineData("http://192.168.1.20:8000", false)]
    [InlineData("http://valhalla.home:8000", false)]
    public void Only_loopback_addresses_and_localhost_are_loopback(string url, bool loopback)
    {
        Assert.Equal(loopback, ListenAddresses.IsLoopback(url));
    }

    [Fact]
    public void Urls_and_kestrel_endpoints_are_all_read()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:8000; http://localhost:8001",
            ["Kestrel:Endpoints:Lan:Url"] = "http://0.0.0.0:9000",
        }).Build();

        var addresses = ListenAddresses.From(configuration, "http://127.0.0.1:8000");

        Assert.Equal(["http://127.0.0.1:8000", "http://localhost:8001", "http://0.0.0.0:9000"], addresses);
        Assert.False(ListenAddresses.AllLoopback(addresses));
    }

    [Fact]
    public void Without_configuration_the_default_address_is_used()
    {
        Assert.Equal(["http://127.0.0.1:8000"], ListenAddresses.From(new ConfigurationBuilder().Build(), "http://127.0.0.1:8000"));
    }
}
