using System.Net;
using System.Text.Json;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Hostile;

/// <summary>
/// Issue 12 item 1 at the region: a credential that does not verify spends nobody's budget, every failure looks the
/// same (an unknown tenant is not told apart from a wrong secret), and a verified answer says so to the edge.
/// </summary>
public sealed class GarbageCredentialTests(SharedRegion region)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GarbageCredentialsFlood_DoesNotThrottleTheRealTenant()
    {
        await using var tight = new RegionApplication()
            .With("Region:RateLimitPermitsPerSecond", "1")
            .With("Region:RateLimitBurst", "5");
        using var garbage = tight.CreateClient();
        for (var i = 0; i < 60; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/reports/calls");
            request.Headers.Authorization = new("Bearer", $"sk_{RegionApplication.TenantA}_AAAAAAAAAAAA{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await garbage.SendAsync(request, Ct)).StatusCode);
        }

        using var real = tight.ClientWithKey(RegionApplication.KeyA);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await real.GetAsync("/v1/reports/calls", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task UnknownTenant_GetsTheSame401_AsAWrongSecret_AndAnExpiredLookingToken()
    {
        var bodies = new List<string>();
        foreach (var credential in new[] { "sk_nobody-here_abcdefabcdef", "sk_tenant-a_abcdefabcdef", "nobody-here.eyJ9.sig", "tenant-a.eyJ9.sig" })
        {
            using var client = region.ClientWithKey(credential);
            var response = await client.GetAsync("/v1/calls/call_x", Ct);
            await response.AssertProblemAsync(401, "unauthenticated");
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
            bodies.Add(await ShapeAsync(response));
        }

        Assert.Single(bodies.Distinct());
    }

    [Fact]
    public async Task Problems_UseTheOneSharedTypeShape()
    {
        using var anonymous = region.CreateClient();
        using var json = JsonDocument.Parse(await (await anonymous.GetAsync("/v1/calls/call_x", Ct)).Content.ReadAsStringAsync(Ct));

        Assert.Equal("https://docs.pcicloud.dev/errors/unauthenticated", json.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task VerifiedAnswer_CarriesTheAuthenticatedMarker_AndAFailedOneDoesNot()
    {
        using var tenant = region.ClientWithKey(RegionApplication.KeyA);
        using var admin = region.ClientWithKey(RegionApplication.AdminKey);
        using var garbage = region.ClientWithKey("sk_tenant-a_AAAAAAAAAAAA");

        var verified = await tenant.GetAsync("/v1/calls/call_does_not_exist", Ct);
        var adminAnswer = await admin.GetAsync("/admin/v1/tenants", Ct);
        var refused = await garbage.GetAsync("/v1/calls/call_does_not_exist", Ct);

        Assert.Equal(HttpStatusCode.NotFound, verified.StatusCode);
        Assert.Equal(RegionApplication.TenantA, Marker(verified));
        Assert.Equal("admin", Marker(adminAnswer));
        Assert.Null(Marker(refused));
    }

    private static string? Marker(HttpResponseMessage response) =>
        response.Headers.TryGetValues("PciCloud-Authenticated", out var values) ? string.Join(",", values) : null;

    private static async Task<string> ShapeAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return string.Join("|", new[] { "type", "title", "status", "detail", "code" }.Select(name =>
            json.RootElement.TryGetProperty(name, out var value) ? value.ToString() : "-"));
    }
}
