using PciCloud.Edge.Tests.Infrastructure;
using static PciCloud.Edge.Tests.Infrastructure.EdgeStack;

namespace PciCloud.Edge.Tests.Routing;

/// <summary>GET /.well-known/jwks.json through the edge: public, to the region the request names, and to no other.</summary>
public sealed class PublicKeysRoutingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("us")]
    [InlineData("uk")]
    [InlineData("au")]
    public async Task Jwks_WithoutCredentials_GoesToTheRegionNamedInTheQueryOrHeader(string region)
    {
        await using var stack = await StartAsync();
        var viaQuery = await (await stack.Client.GetAsync($"/.well-known/jwks.json?region={region}", Ct)).EchoAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/jwks.json");
        request.Headers.Add("PciCloud-Region", region);
        var viaHeader = await (await stack.Client.SendAsync(request, Ct)).EchoAsync();

        Assert.Equal([region, region], [viaQuery.Region, viaHeader.Region]);
        Assert.Equal("/.well-known/jwks.json", viaQuery.Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?region=eu")]
    [InlineData("?region=US")]
    [InlineData("?region=us&region=uk")]
    public async Task Jwks_WithoutAKnownRegion_Is400(string query)
    {
        await using var stack = await StartAsync();

        await (await stack.Client.GetAsync("/.well-known/jwks.json" + query, Ct)).AssertProblemAsync(400, "invalid_request");
    }

    [Fact]
    public async Task OtherWellKnownPaths_AreNotRouted()
    {
        await using var stack = await StartAsync();

        var response = await stack.Client.GetAsync("/.well-known/openid-configuration?region=us", Ct);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
