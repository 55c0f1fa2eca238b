using System.Net;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Apis;

/// <summary>
/// A tenant's media policy (issue 13): a new tenant's RTP calls must name their expected source, and it
/// holds at most its limit of concurrent media reservations.
/// </summary>
public sealed class TenantMediaPolicyTests(SharedRegion region)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NewTenant_RtpCallWithoutExpectFrom_Is400ExpectFromRequired_WithItIsCreated()
    {
        var client = await NewTenantAsync(null);

        var refused = await client.PostJsonAsync("/v1/calls", new { media = new { transport = "rtp", forwardTo = "127.0.0.1:5004" } });
        await refused.AssertProblemAsync(400, "expect_from_required");

        var created = await client.PostJsonAsync("/v1/calls", new { media = new { transport = "rtp", forwardTo = "127.0.0.1:5004", expectFrom = "127.0.0.1" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("127.0.0.1", (string?)(await created.BodyAsync())["media"]!["expectFrom"]);
        Assert.Equal(HttpStatusCode.Created,
            (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).StatusCode);
    }

    [Fact]
    public async Task TenantThatOptsOut_RtpCallWithoutExpectFrom_IsCreated_AndThePolicyIsShown()
    {
        var admin = region.ClientWithKey(RegionApplication.AdminKey);
        var (id, client) = await NewTenantWithIdAsync(new { requireExpectFrom = false });
        Assert.Equal(HttpStatusCode.Created,
            (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "rtp", forwardTo = "127.0.0.1:5004" } })).StatusCode);

        var shown = await (await admin.GetAsync($"/admin/v1/tenants/{id}", Ct)).BodyAsync();
        Assert.False((bool)shown["mediaPolicy"]!["requireExpectFrom"]!);
        Assert.Equal(200, (int)shown["mediaPolicy"]!["maxConcurrentCalls"]!);
    }

    [Fact]
    public async Task TenantAtItsConcurrentCallLimit_Is429MediaReservationLimit_OthersStillGetCalls_EndingOneFreesItsPlace()
    {
        var client = await NewTenantAsync(new { maxConcurrentCalls = 2 });
        var first = await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync();
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).StatusCode);

        var limited = await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } });
        await limited.AssertProblemAsync(429, "media_reservation_limit");
        Assert.NotNull(limited.Headers.RetryAfter);

        var other = region.ClientWithKey(RegionApplication.KeyA);
        Assert.Equal(HttpStatusCode.Created, (await other.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).StatusCode);

        await client.PostJsonAsync($"/v1/calls/{(string)first["id"]!}/end", new { });
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).StatusCode);
    }

    [Theory]
    [InlineData("{\"maxConcurrentCalls\":0}")]
    [InlineData("{\"idleTimeoutSeconds\":5}")]
    [InlineData("{\"unusedTimeoutSeconds\":999999}")]
    public async Task CreateTenant_MediaPolicyOutOfBounds_400(string policy)
    {
        var admin = region.ClientWithKey(RegionApplication.AdminKey);
        var json = $"{{\"id\":\"t-{Guid.NewGuid().ToString("N")[..8]}\",\"name\":\"Acme\",\"region\":\"us\",\"mediaPolicy\":{policy}}}";
        await (await admin.PostAsync("/admin/v1/tenants", Json.RawJson(json), Ct)).AssertProblemAsync(400, "invalid_request");
    }

    private async Task<HttpClient> NewTenantAsync(object? mediaPolicy) => (await NewTenantWithIdAsync(mediaPolicy)).Client;

    private async Task<(string Id, HttpClient Client)> NewTenantWithIdAsync(object? mediaPolicy)
    {
        var admin = region.ClientWithKey(RegionApplication.AdminKey);
        var id = "t-" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostJsonAsync("/admin/v1/tenants", new { id, name = "Acme", region = "us", mediaDestinations = new[] { "loopback" }, mediaPolicy });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = await (await admin.PostJsonAsync($"/admin/v1/tenants/{id}/api-keys", new { })).BodyAsync();
        return (id, region.ClientWithKey((string)key["key"]!));
    }
}
