using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PciCloud.Grains.Gateways;
using PciCloud.Grains.Secrets;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Gateways;

/// <summary>
/// Gateway connectors are registered by kind by the host; a Stripe apiBase other than Stripe's own is
/// accepted only from the platform's deployment configuration (an https allow-list, or the local/test
/// switch), never from an API call alone (issue 12 item 6, issue 18 item 3).
/// </summary>
public sealed class GatewayConnectorTests(GatewayConnectorTests.AllowListRegion region) : IClassFixture<GatewayConnectorTests.AllowListRegion>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class AllowListRegion : RegionApplication
    {
        public AllowListRegion() => With("Gateways:Stripe:AllowedApiBaseHosts:0", "stripe-proxy.example.com");
    }

    [Theory]
    [InlineData("http://attacker.example")]
    [InlineData("http://stripe-proxy.example.com")]
    [InlineData("https://attacker.example")]
    [InlineData("https://user:pw@stripe-proxy.example.com")]
    [InlineData("not a url")]
    public async Task PutGatewayCredentials_ApiBaseNotAllowedByDeployment_400AndNothingStored(string apiBase)
    {
        var tenant = await CreateStripeTenantAsync();
        var admin = region.ClientWithKey(RegionApplication.AdminKey);

        var response = await admin.PutAsync($"/admin/v1/tenants/{tenant}/gateway-credentials",
            Json.RawJson($$"""{"apiKey":"sk_test_123","apiBase":"{{apiBase}}"}"""), Ct);

        await response.AssertProblemAsync(400, "invalid_gateway_credentials");
        Assert.Null(await region.Services.GetRequiredService<ISecretStore>().GetAsync(SecretNames.GatewayCredentials(tenant), Ct));
    }

    [Fact]
    public async Task PutGatewayCredentials_HttpsApiBaseOnTheAllowList_Accepted()
    {
        var tenant = await CreateStripeTenantAsync();
        var admin = region.ClientWithKey(RegionApplication.AdminKey);

        var response = await admin.PutAsync($"/admin/v1/tenants/{tenant}/gateway-credentials",
            Json.RawJson("""{"apiKey":"sk_test_123","apiBase":"https://stripe-proxy.example.com"}"""), Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.NotNull(await region.Services.GetRequiredService<IGatewayResolver>().ForTenantAsync(tenant, "stripe", Ct));
    }

    [Fact]
    public async Task ForTenant_StoredCredentialsWithAnApiBaseTheDeploymentDoesNotAllow_NotUsed()
    {
        // As credentials stored before the rule existed (or written around the API) would be.
        var tenant = await CreateStripeTenantAsync();
        await region.Services.GetRequiredService<ISecretStore>().SetAsync(
            SecretNames.GatewayCredentials(tenant), """{"apiKey":"sk_test_123","apiBase":"http://attacker.example"}""", Ct);

        Assert.Null(await region.Services.GetRequiredService<IGatewayResolver>().ForTenantAsync(tenant, "stripe", Ct));
    }

    [Fact]
    public async Task ForTenant_UnknownGatewayKind_IsAnErrorNotTheSandbox()
    {
        var resolver = region.Services.GetRequiredService<IGatewayResolver>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => resolver.ForTenantAsync(RegionApplication.TenantA, "paypal", Ct));
    }

    private async Task<string> CreateStripeTenantAsync()
    {
        var id = "s-" + Guid.NewGuid().ToString("N")[..8];
        var created = await region.ClientWithKey(RegionApplication.AdminKey).PostJsonAsync("/admin/v1/tenants",
            new { id, name = "Stripe tenant", region = "us", gateway = new { kind = "stripe" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return id;
    }
}
