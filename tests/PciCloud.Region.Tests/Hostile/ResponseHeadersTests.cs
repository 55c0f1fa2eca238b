using System.Net;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Hostile;

/// <summary>Issue 12 item 8 (headers): answers that carry an agent link or a secret are never cached, and HSTS is sent.</summary>
public sealed class ResponseHeadersTests(SharedRegion region)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SessionWithAgentUrl_NewApiKey_AndAProblem_AreNoStore_WithHsts()
    {
        await region.EnsureWorkerAsync();
        using var tenant = region.ClientWithKey(RegionApplication.KeyA);
        using var admin = region.ClientWithKey(RegionApplication.AdminKey);
        var callId = (string)(await (await tenant.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;

        var session = await tenant.PostJsonAsync($"/v1/calls/{callId}/payment-sessions", new { intent = "charge", amount = 1000, currency = "USD" });
        var apiKey = await admin.PostAsync($"/admin/v1/tenants/{RegionApplication.TenantB}/api-keys", null, Ct);
        var problem = await region.CreateClient().GetAsync("/v1/calls/call_x", Ct);

        Assert.Equal(HttpStatusCode.Created, session.StatusCode);
        Assert.NotNull((string?)(await session.BodyAsync())["agentUrl"]);
        foreach (var response in new[] { session, apiKey, problem })
        {
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage!.RequestUri}: no Cache-Control: no-store");
            Assert.Equal("max-age=31536000; includeSubDomains", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
        }
    }
}
