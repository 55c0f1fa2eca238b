using System.Net;
using PciCloud.Edge.Tests.Infrastructure;
using static PciCloud.Edge.Tests.Infrastructure.EdgeRequests;
using static PciCloud.Edge.Tests.Infrastructure.EdgeStack;

namespace PciCloud.Edge.Tests.Hostile;

/// <summary>
/// Issue 12 item 1: tenant ids are public (every agent link carries one), so a credential that names a tenant
/// proves nothing until the region verifies it. Such requests must never spend that tenant's budget.
/// </summary>
public sealed class GarbageCredentialTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> TightLimits => new()
    {
        ["Edge:RateLimit:PermitsPerSecond"] = "0.001",
        ["Edge:RateLimit:Burst"] = "20",
        ["Edge:ClientRateLimit:PermitsPerSecond"] = "0.001",
        ["Edge:ClientRateLimit:Burst"] = "10",
    };

    [Theory]
    [InlineData("header")]
    [InlineData("query")]
    public async Task GarbageCredentialsFlood_DoesNotThrottleTheRealTenant(string carrier)
    {
        await using var stack = await StartAsync(TightLimits);
        // The tenant's own key has worked before the flood starts (its platform has been sending all day).
        await (await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/calls", SecretKey(UsTenant)), Ct)).EchoAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 100; i++)
        {
            using var garbage = carrier == "header"
                ? WithBearer(HttpMethod.Get, "/v1/calls", $"sk_{UsTenant}_AAAAAAAAAAAA{i}")
                : new HttpRequestMessage(HttpMethod.Get, $"/agent/ps_1?token={UsTenant}.eyJzIjoicHNfMSJ9.forged{i}");
            statuses.Add((await stack.Client.SendAsync(garbage, Ct)).StatusCode);
        }

        // The flood is answered 401 by the region, then 429 at the edge once the sender's own budget is spent.
        Assert.Contains(HttpStatusCode.Unauthorized, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(HttpStatusCode.OK, statuses);
        for (var i = 0; i < 10; i++)
        {
            var real = await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/calls", SecretKey(UsTenant)), Ct);
            Assert.Equal("us", (await real.EchoAsync()).Region);
        }
    }

    [Fact]
    public async Task GarbageCredentialsFlood_IsCutOffAtTheSendersBudget_BeforeTheRegion()
    {
        await using var stack = await StartAsync(TightLimits);

        for (var i = 0; i < 50; i++)
        {
            await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/reports/calls", $"sk_{UsTenant}_garbage{i}"), Ct);
        }

        Assert.Equal(10, stack.Us.Hits("GET /v1/reports/calls"));
        var limited = await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/reports/calls", $"sk_{UsTenant}_garbage"), Ct);
        await limited.AssertProblemAsync(429, "rate_limited");
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After missing");
    }

    [Fact]
    public async Task VerifiedCredential_SpendsTheTenantsBudget_NotTheAddresses()
    {
        await using var stack = await StartAsync(TightLimits);

        // 20 is the tenant's burst, 10 the address's: all 20 pass, the 21st is the tenant's 429.
        for (var i = 0; i < 20; i++)
        {
            await (await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/calls", SecretKey(UsTenant)), Ct)).EchoAsync();
        }

        var limited = await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/calls", SecretKey(UsTenant)), Ct);
        await limited.AssertProblemAsync(429, "rate_limited");
        Assert.Equal(20, stack.Us.Hits("GET /v1/calls"));
    }

    [Theory]
    [InlineData("sk_nobody_s3cr3tValue")]
    [InlineData("nobody.eyJzIjoicHNfMSJ9.c2lnbmF0dXJl")]
    public async Task UnknownTenant_GetsTheSame401_AsAMalformedCredential(string credential)
    {
        await using var stack = await StartAsync();

        var unknown = await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/calls/call_1", credential), Ct);
        var malformed = await stack.Client.SendAsync(WithBearer(HttpMethod.Get, "/v1/calls/call_1", "sk_ACME_secret"), Ct);

        await unknown.AssertProblemAsync(401, "unauthenticated");
        Assert.Equal(await ProblemShapeAsync(malformed), await ProblemShapeAsync(unknown));
        Assert.Equal(malformed.Headers.WwwAuthenticate.ToString(), unknown.Headers.WwwAuthenticate.ToString());
        Assert.All(new[] { stack.Us, stack.Uk, stack.Au }, b => Assert.Equal(0, b.Hits("GET /v1/calls/call_1")));
    }

    // Everything but the per-request traceId.
    private static async Task<string> ProblemShapeAsync(HttpResponseMessage response)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return string.Join("|", new[] { "type", "title", "status", "detail", "code" }.Select(name =>
            json.RootElement.TryGetProperty(name, out var value) ? value.ToString() : "-"));
    }
}
