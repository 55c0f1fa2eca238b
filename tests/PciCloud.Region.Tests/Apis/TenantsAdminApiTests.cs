using System.Net;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Apis;

public sealed class TenantsAdminApiTests(SharedRegion region)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateTenant_Valid_IsListedAndItsNewKeyWorksOnce()
    {
        var admin = region.ClientWithKey(RegionApplication.AdminKey);
        var id = "t-" + Guid.NewGuid().ToString("N")[..8];

        var created = await admin.PostJsonAsync("/admin/v1/tenants", new
        {
            id, name = "Acme", region = "us", gateway = new { kind = "sandbox" }, mediaDestinations = new[] { "203.0.113.0/24" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var tenant = await created.BodyAsync();
        Assert.Equal("sandbox", (string?)tenant["gateway"]!["kind"]);

        var list = await (await admin.GetAsync("/admin/v1/tenants", Ct)).BodyAsync();
        Assert.Contains(list["data"]!.AsArray(), t => (string?)t!["id"] == id);

        var keyResponse = await admin.PostJsonAsync($"/admin/v1/tenants/{id}/api-keys", new { });
        Assert.Equal(HttpStatusCode.Created, keyResponse.StatusCode);
        var key = await keyResponse.BodyAsync();
        var secret = (string)key["key"]!;
        Assert.StartsWith($"sk_{id}_", secret, StringComparison.Ordinal);

        var tenantClient = region.ClientWithKey(secret);
        var missing = await tenantClient.GetAsync("/v1/calls/call_doesnotexist", Ct);
        await missing.AssertProblemAsync(404, "not_found");

        var revoked = await admin.DeleteAsync($"/admin/v1/tenants/{id}/api-keys/{(string)key["id"]!}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await (await tenantClient.GetAsync("/v1/calls/call_doesnotexist", Ct)).AssertProblemAsync(401, "unauthenticated");
    }

    [Fact]
    public async Task CreateTenant_Twice_Conflict()
    {
        var admin = region.ClientWithKey(RegionApplication.AdminKey);
        var body = new { id = "dup-" + Guid.NewGuid().ToString("N")[..8], name = "Dup", region = "us" };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/admin/v1/tenants", body)).StatusCode);
        await (await admin.PostJsonAsync("/admin/v1/tenants", body)).AssertProblemAsync(409, "tenant_exists");
    }

    [Theory]
    [InlineData("{\"id\":\"Bad_Id\",\"name\":\"x\",\"region\":\"us\"}", "invalid_request")]
    [InlineData("{\"id\":\"ok-id\",\"name\":\"\",\"region\":\"us\"}", "invalid_request")]
    [InlineData("{\"id\":\"ok-id\",\"name\":\"x\",\"region\":\"eu\"}", "invalid_request")]
    [InlineData("{\"id\":\"ok-id\",\"name\":\"x\",\"region\":\"uk\"}", "wrong_region")]
    [InlineData("{\"id\":\"ok-id\",\"name\":\"x\",\"region\":\"us\",\"gateway\":{\"kind\":\"paypal\"}}", "invalid_request")]
    [InlineData("{\"id\":\"ok-id\",\"name\":\"x\",\"region\":\"us\",\"mediaDestinations\":[\"nowhere\"]}", "invalid_request")]
    [InlineData("{\"id\":\"ok-id\",\"name\":\"x\",\"region\":\"us\",\"currencies\":[\"gbp\"]}", "invalid_request")]
    [InlineData("{\"id\":\"ok-id\",\"name\":\"x\",\"region\":\"us\",\"acceptedBrands\":[\"visa\",\"bogus\"]}", "invalid_request")]
    [InlineData("{\"id\":\"ok-id\",\"name\":\"x\",\"region\":\"us\",\"defaultFields\":[\"pin\"]}", "invalid_request")]
    [InlineData("{\"id\":\"ok-id\",\"name\":\"x\",\"region\":\"us\",\"framingOrigins\":[\"not a url\"]}", "invalid_request")]
    [InlineData("{\"id\":\"ok-id\",\"name\":", "invalid_request")]
    [InlineData("{\"id\":5,\"name\":\"x\",\"region\":\"us\"}", "invalid_request")]
    public async Task CreateTenant_Invalid_ProblemAndNothingCreated(string json, string code)
    {
        var admin = region.ClientWithKey(RegionApplication.AdminKey);
        var response = await admin.PostAsync("/admin/v1/tenants", Json.RawJson(json), Ct);
        await response.AssertProblemAsync(400, code);
        await (await admin.GetAsync("/admin/v1/tenants/ok-id", Ct)).AssertProblemAsync(404, "not_found");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-admin-key")]
    [InlineData(RegionApplication.KeyA)]
    public async Task AdminEndpoints_WithoutAdminKey_Unauthenticated(string? key)
    {
        var client = key is null ? region.CreateClient() : region.ClientWithKey(key);
        await (await client.GetAsync("/admin/v1/tenants", Ct)).AssertProblemAsync(401, "unauthenticated");
        await (await client.PostJsonAsync("/admin/v1/tenants", new { id = "x", name = "x", region = "us" })).AssertProblemAsync(401, "unauthenticated");
    }

    [Fact]
    public async Task GatewayCredentials_StoredInSecretStore_NeverEchoed()
    {
        var admin = region.ClientWithKey(RegionApplication.AdminKey);
        var put = await admin.PutAsync($"/admin/v1/tenants/{RegionApplication.TenantA}/gateway-credentials",
            Json.RawJson("{\"apiKey\":\"sk_test_gateway_secret\"}"), Ct);
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);

        var store = (PciCloud.Grains.Secrets.ISecretStore)region.Services.GetService(typeof(PciCloud.Grains.Secrets.ISecretStore))!;
        Assert.Contains("sk_test_gateway_secret", await store.GetAsync($"gateway-{RegionApplication.TenantA}", Ct), StringComparison.Ordinal);
        var tenant = await (await admin.GetAsync($"/admin/v1/tenants/{RegionApplication.TenantA}", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("sk_test_gateway_secret", tenant, StringComparison.Ordinal);

        var notObject = await admin.PutAsync($"/admin/v1/tenants/{RegionApplication.TenantA}/gateway-credentials",
            Json.RawJson("[1,2]"), Ct);
        await notObject.AssertProblemAsync(400, "invalid_request");
        var unknown = await admin.PutAsync("/admin/v1/tenants/no-such-tenant/gateway-credentials",
            Json.RawJson("{}"), Ct);
        await unknown.AssertProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task ApiKeys_UnknownTenantOrKey_NotFound()
    {
        var admin = region.ClientWithKey(RegionApplication.AdminKey);
        await (await admin.PostJsonAsync("/admin/v1/tenants/no-such-tenant/api-keys", new { })).AssertProblemAsync(404, "not_found");
        await (await admin.DeleteAsync($"/admin/v1/tenants/{RegionApplication.TenantA}/api-keys/key_nope", Ct)).AssertProblemAsync(404, "not_found");
    }
}
