using System.Net;
using System.Net.Sockets;
using System.Text;
using PciCloud.Edge.Tests.Infrastructure;
using static PciCloud.Edge.Tests.Infrastructure.EdgeRequests;
using static PciCloud.Edge.Tests.Infrastructure.EdgeStack;

namespace PciCloud.Edge.Tests.Routing;

public sealed class EdgeRoutingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SecretKeyAndAgentToken_EveryRoute_LandsInTheTenantsRegion()
    {
        await using var stack = await StartAsync();
        foreach (var (tenant, region) in new[] { (UsTenant, "us"), (UkTenant, "uk"), (AuTenant, "au"), (StaticOnlyTenant, "uk") })
        {
            var viaKey = await (await stack.Client.SendAsync(WithBearer(HttpMethod.Post, "/v1/calls", SecretKey(tenant)), Ct)).EchoAsync();
            var viaAgentHeader = await (await stack.Client.SendAsync(
                WithBearer(HttpMethod.Patch, "/v1/payment-sessions/ps_1", AgentToken(tenant)), Ct)).EchoAsync();
            var viaAgentQuery = await (await stack.Client.GetAsync($"/agent/ps_1?token={AgentToken(tenant)}", Ct)).EchoAsync();

            Assert.Equal([region, region, region], [viaKey.Region, viaAgentHeader.Region, viaAgentQuery.Region]);
            Assert.Equal("/v1/calls", viaKey.Path);
            Assert.Equal($"?token={AgentToken(tenant)}", viaAgentQuery.Query);
        }
    }

    [Theory]
    [InlineData("us")]
    [InlineData("uk")]
    [InlineData("au")]
    public async Task Admin_GoesToTheRegionNamedInTheHeader(string region)
    {
        await using var stack = await StartAsync();
        var request = WithBearer(HttpMethod.Post, "/admin/v1/tenants", RegionBackend.AdminKey);
        request.Headers.Add("PciCloud-Region", region);

        var echo = await (await stack.Client.SendAsync(request, Ct)).EchoAsync();

        Assert.Equal(region, echo.Region);
        Assert.Equal(region, echo.Headers["PciCloud-Region"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("eu")]
    [InlineData("US")]
    public async Task Admin_WithoutAKnownRegionHeader_Is400(string? region)
    {
        await using var stack = await StartAsync();
        var request = WithBearer(HttpMethod.Get, "/admin/v1/tenants", RegionBackend.AdminKey);
        if (region is not null)
        {
            request.Headers.Add("PciCloud-Region", region);
        }

        await (await stack.Client.SendAsync(request, Ct)).AssertProblemAsync(400, "invalid_request");
    }

    [Fact]
    public async Task SpoofedHeaders_ChangeNothing_AndAreStripped()
    {
        await using var stack = await StartAsync();
        var request = WithBearer(HttpMethod.Get, "/v1/calls/call_1", SecretKey(UsTenant));
        request.Headers.Add("X-Tenant", UkTenant);
        request.Headers.Add("X-Tenant-Id", AuTenant);
        request.Headers.Add("X-Forwarded-Host", "uk.api.example");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Region", "uk");
        request.Headers.Add("Forwarded", "for=203.0.113.9;host=uk.api.example");
        request.Headers.Add("PciCloud-Region", "uk");

        var echo = await (await stack.Client.SendAsync(request, Ct)).EchoAsync();

        Assert.Equal("us", echo.Region);
        foreach (var name in new[] { "X-Tenant", "X-Tenant-Id", "X-Forwarded-Region", "Forwarded", "PciCloud-Region" })
        {
            Assert.False(echo.Headers.ContainsKey(name), $"{name} reached the region");
        }
        Assert.Equal("127.0.0.1", echo.Headers["X-Forwarded-For"]);
        Assert.Equal("http", echo.Headers["X-Forwarded-Proto"]);
        Assert.Equal(stack.Address.Authority, echo.Headers["X-Forwarded-Host"]);
    }

    [Fact]
    public async Task TenantHeaders_WithoutCredentials_AreNotEnough()
    {
        await using var stack = await StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/calls/call_1");
        request.Headers.Add("X-Tenant", UsTenant);
        request.Headers.Add("X-Forwarded-Host", "us.api.example");

        await (await stack.Client.SendAsync(request, Ct)).AssertProblemAsync(401, "unauthenticated");
        Assert.Equal(0, stack.Us.Hits("GET /v1/calls/call_1"));
    }

    [Theory]
    [InlineData("sk_nobody_s3cr3t")]
    [InlineData("nobody.payload.signature")]
    public async Task UnknownTenant_Is401_WithNothingForwarded(string credential)
    {
        await using var stack = await StartAsync();

        var response = await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/calls/call_1", credential), Ct);

        await response.AssertProblemAsync(401, "unauthenticated");
        Assert.All(new[] { stack.Us, stack.Uk, stack.Au }, b => Assert.Equal(0, b.Hits("GET /v1/calls/call_1")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    [InlineData("Bearer sk_acme-us_")]
    [InlineData("Bearer sk__secret")]
    [InlineData("Bearer sk_ACME_secret")]
    [InlineData("Bearer acme-us.only-two-parts")]
    [InlineData("Bearer acme-us.a.b.c")]
    public async Task MissingOrMalformedCredentials_Are401(string? authorization)
    {
        await using var stack = await StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/calls/call_1");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        await (await stack.Client.SendAsync(request, Ct)).AssertProblemAsync(401, "unauthenticated");
    }

    [Fact]
    public async Task QueryToken_IsOnlyAcceptedWhereABrowserNeedsIt()
    {
        await using var stack = await StartAsync();

        var response = await stack.Client.GetAsync($"/v1/calls/call_1?token={AgentToken(UsTenant)}", Ct);

        await response.AssertProblemAsync(401, "unauthenticated");
    }

    [Fact]
    public async Task TraceContext_IsForwardedToTheRegion()
    {
        await using var stack = await StartAsync();
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        // Raw HTTP: the edge's tracer listens process-wide and would rewrite the header of an HttpClient here.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(stack.Address.Host, stack.Address.Port, Ct);
        await using var stream = tcp.GetStream();
        var request = $"GET /v1/calls/call_1 HTTP/1.1\r\nHost: {stack.Address.Authority}\r\n"
            + $"Authorization: Bearer {SecretKey(AuTenant)}\r\ntraceparent: 00-{traceId}-00f067aa0ba902b7-01\r\n"
            + "Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), Ct);
        var answer = await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync(Ct);

        Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);
        Assert.Contains("\"region\":\"au\"", answer, StringComparison.Ordinal);
        Assert.Matches($"\"traceparent\":\"00-{traceId}-[0-9a-f]{{16}}-01\"", answer);
        Assert.DoesNotContain("00f067aa0ba902b7", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthEndpoint_AnswersWithoutCredentials()
    {
        await using var stack = await StartAsync();

        var response = await stack.Client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
