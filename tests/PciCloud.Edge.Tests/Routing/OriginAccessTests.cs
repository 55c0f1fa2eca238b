using PciCloud.Edge.Tests.Infrastructure;
using static PciCloud.Edge.Tests.Infrastructure.EdgeRequests;
using static PciCloud.Edge.Tests.Infrastructure.EdgeStack;

namespace PciCloud.Edge.Tests.Routing;

/// <summary>
/// Edge:Origin: regional host names serve only their own region's tenants (the global name serves all), and
/// with a Front Door id configured, only requests that came through that Front Door are proxied.
/// </summary>
public sealed class OriginAccessTests
{
    private const string FrontDoorId = "7d5e9f5c-1b2a-4c3d-9e8f-0a1b2c3d4e5f";

    private static readonly Dictionary<string, string?> Origin = new()
    {
        ["Edge:Origin:RegionalHosts:us"] = "us.api.example.com",
        ["Edge:Origin:RegionalHosts:uk"] = "uk.api.example.com",
        ["Edge:Origin:RegionalHosts:au"] = "au.api.example.com",
        ["Edge:Origin:FrontDoorId"] = FrontDoorId,
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(UkTenant, "uk.api.example.com", "uk")]
    [InlineData(UkTenant, "UK.API.EXAMPLE.COM", "uk")]
    [InlineData(UsTenant, "us.api.example.com", "us")]
    [InlineData(UkTenant, "api.example.com", "uk")]
    [InlineData(AuTenant, "edge-us.api.example.com", "au")]
    public async Task TenantOnItsOwnRegionsHostOrTheGlobalOne_IsForwarded(string tenant, string host, string region)
    {
        await using var stack = await StartAsync(Origin);

        var echo = await (await stack.Client.SendAsync(ViaFrontDoor(HttpMethod.Post, "/v1/calls", SecretKey(tenant), host), Ct)).EchoAsync();

        Assert.Equal(region, echo.Region);
    }

    [Theory]
    [InlineData(UsTenant, "uk.api.example.com")]
    [InlineData(AuTenant, "uk.api.example.com")]
    [InlineData(UkTenant, "au.api.example.com")]
    public async Task TenantOnAnotherRegionsHost_Is421AndReachesNoRegion(string tenant, string host)
    {
        await using var stack = await StartAsync(Origin);

        var secretKey = await stack.Client.SendAsync(ViaFrontDoor(HttpMethod.Post, "/v1/calls", SecretKey(tenant), host), Ct);
        var agentToken = await stack.Client.SendAsync(ViaFrontDoor(HttpMethod.Get, "/v1/payment-sessions/ps_1", AgentToken(tenant), host), Ct);

        await secretKey.AssertProblemAsync(421, "misdirected_request");
        await agentToken.AssertProblemAsync(421, "misdirected_request");
        Assert.All([stack.Us, stack.Uk, stack.Au], b => Assert.Equal(0, b.Hits("POST /v1/calls") + b.Hits("GET /v1/payment-sessions/ps_1")));
    }

    [Fact]
    public async Task AdminNamingAnotherRegionOnARegionalHost_Is421()
    {
        await using var stack = await StartAsync(Origin);
        var request = ViaFrontDoor(HttpMethod.Get, "/admin/v1/tenants/x", RegionBackend.AdminKey, "uk.api.example.com");
        request.Headers.Add("PciCloud-Region", "us");

        await (await stack.Client.SendAsync(request, Ct)).AssertProblemAsync(421, "misdirected_request");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task WithoutThisFrontDoorsId_Is403AndReachesNoRegion(string? frontDoorId)
    {
        await using var stack = await StartAsync(Origin);
        var request = WithBearer(HttpMethod.Post, "/v1/calls", SecretKey(UkTenant));
        request.Headers.Host = "uk.api.example.com";
        if (frontDoorId is not null)
        {
            request.Headers.Add("X-Azure-FDID", frontDoorId);
        }

        await (await stack.Client.SendAsync(request, Ct)).AssertProblemAsync(403, "forbidden");
        Assert.Equal(0, stack.Uk.Hits("POST /v1/calls"));
    }

    [Fact]
    public async Task HealthEndpoint_AnswersProbesWithoutTheFrontDoorId()
    {
        await using var stack = await StartAsync(Origin);

        var response = await stack.Client.GetAsync("/health", Ct);

        Assert.True(response.IsSuccessStatusCode, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static HttpRequestMessage ViaFrontDoor(HttpMethod method, string path, string credential, string host)
    {
        var request = WithBearer(method, path, credential);
        request.Headers.Host = host;
        request.Headers.Add("X-Azure-FDID", FrontDoorId);
        return request;
    }
}
