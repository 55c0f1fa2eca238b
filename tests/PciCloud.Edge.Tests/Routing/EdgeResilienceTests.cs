using System.Net;
using System.Net.Http.Headers;
using PciCloud.Edge.Tests.Infrastructure;
using static PciCloud.Edge.Tests.Infrastructure.EdgeRequests;
using static PciCloud.Edge.Tests.Infrastructure.EdgeStack;

namespace PciCloud.Edge.Tests.Routing;

public sealed class EdgeResilienceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RegionDown_Is503WithRetryAfter_ForItsTenantsOnly_AndNeverFailsOver()
    {
        await using var stack = await StartAsync();
        await stack.Uk.StopAsync();

        // Enough requests to cross the passive health threshold: the first fail to connect, the later
        // find no healthy destination; both must be the same 503, and none may reach another region.
        for (var i = 0; i < 5; i++)
        {
            var down = await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/calls/call_1", SecretKey(UkTenant)), Ct);
            await down.AssertProblemAsync(503, "region_unavailable");
            Assert.True(down.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After missing");
        }
        var usEcho = await (await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/calls/call_1", SecretKey(UsTenant)), Ct)).EchoAsync();
        var auEcho = await (await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/calls/call_1", SecretKey(AuTenant)), Ct)).EchoAsync();

        Assert.Equal(("us", "au"), (usEcho.Region, auEcho.Region));
        Assert.Equal(1, stack.Us.Hits("GET /v1/calls/call_1"));
        Assert.Equal(1, stack.Au.Hits("GET /v1/calls/call_1"));
        Assert.True(stack.Directory.Current.TryGetRegion(UkTenant, out _, out var region) && region == "uk",
            "A region that stops answering must keep its tenants (503, not 404).");
    }

    [Fact]
    public async Task TenantCreatedAtRuntime_BecomesRoutable_WhileRequestsAreInFlight()
    {
        await using var stack = await StartAsync();
        const string newTenant = "fresh-au";
        await (await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/calls", SecretKey(newTenant)), Ct))
            .AssertProblemAsync(401, "unauthenticated");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var failures = new List<string>();
        var completed = 0;
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            var tenant = worker % 2 == 0 ? UsTenant : UkTenant;
            while (!stop.IsCancellationRequested)
            {
                using var response = await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/calls", SecretKey(tenant)), CancellationToken.None);
                Interlocked.Increment(ref completed);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    lock (failures)
                    {
                        failures.Add($"{tenant}: {(int)response.StatusCode}");
                    }
                }
            }
        })).ToArray();

        var versionBefore = stack.Directory.Current.Version;
        stack.Au.AddTenant(newTenant);
        await stack.WaitForTenantAsync(newTenant);
        var echo = await (await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/calls", SecretKey(newTenant)), Ct)).EchoAsync();
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.Equal("au", echo.Region);
        Assert.True(stack.Directory.Current.Version > versionBefore);
        Assert.True(completed > 0);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task FailedPost_IsNotRetried()
    {
        await using var stack = await StartAsync();

        var response = await stack.Client.SendAsync(WithBearer(HttpMethod.Post, "/v1/drop", SecretKey(UsTenant)), Ct);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(1, stack.Us.Hits("POST /v1/drop"));
        Assert.Equal(0, stack.Uk.Hits("POST /v1/drop") + stack.Au.Hits("POST /v1/drop"));
    }

    [Fact]
    public async Task RateLimit_Is429WithRetryAfter_PerTenant()
    {
        await using var stack = await StartAsync(new Dictionary<string, string?>
        {
            ["Edge:RateLimit:PermitsPerSecond"] = "0.001",
            ["Edge:RateLimit:Burst"] = "3",
        });
        for (var i = 0; i < 3; i++)
        {
            await (await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/calls", SecretKey(UsTenant)), Ct)).EchoAsync();
        }

        var limited = await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/calls", SecretKey(UsTenant)), Ct);
        var otherTenant = await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/calls", SecretKey(UkTenant)), Ct);

        await limited.AssertProblemAsync(429, "rate_limited");
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After missing");
        Assert.Equal(3, stack.Us.Hits("GET /v1/calls"));
        Assert.Equal("uk", (await otherTenant.EchoAsync()).Region);
    }

    [Fact]
    public async Task OversizedBody_WithContentLength_Is413_AndNeverReachesTheRegion()
    {
        await using var stack = await StartAsync();
        var request = WithBearer(HttpMethod.Post, "/v1/calls", SecretKey(UsTenant));
        request.Content = new ByteArrayContent(new byte[(1024 * 1024) + 1]);

        var response = await stack.Client.SendAsync(request, Ct);

        await response.AssertProblemAsync(413, "request_too_large");
        Assert.Equal(0, stack.Us.Hits("POST /v1/calls"));
    }

    [Fact]
    public async Task OversizedBody_Chunked_Is413()
    {
        await using var stack = await StartAsync();
        var request = WithBearer(HttpMethod.Post, "/v1/calls", SecretKey(UsTenant));
        request.Content = new StreamContent(new MemoryStream(new byte[2 * 1024 * 1024]));
        request.Headers.TransferEncodingChunked = true;

        var response = await stack.Client.SendAsync(request, Ct);

        await response.AssertProblemAsync(413, "request_too_large");
    }

    [Fact]
    public async Task BodyAtTheLimit_IsForwarded()
    {
        await using var stack = await StartAsync();
        var request = WithBearer(HttpMethod.Post, "/v1/calls", SecretKey(UsTenant));
        request.Content = new ByteArrayContent(new byte[1024 * 1024]);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        var echo = await (await stack.Client.SendAsync(request, Ct)).EchoAsync();

        Assert.Equal(1024 * 1024, echo.BodyLength);
    }
}
