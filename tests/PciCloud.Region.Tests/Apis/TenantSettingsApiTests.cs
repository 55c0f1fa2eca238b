using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PciCloud.Grains.Gateways;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Apis;

/// <summary>PATCH /admin/v1/tenants/{id}, and named gateway configurations a session picks with "gateway".</summary>
public sealed class TenantSettingsApiTests(SharedRegion region)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Patch_ChangesOnlyWhatItNames_IdRegionAndCreationStay()
    {
        var (id, admin) = await CreateTenantAsync();
        var before = await (await admin.GetAsync($"/admin/v1/tenants/{id}", Ct)).BodyAsync();

        var response = await admin.PatchAsync($"/admin/v1/tenants/{id}", Json.RawJson(
            """{"acceptedBrands":["visa","mastercard"],"currencies":["USD"],"defaultFields":["card_number","expiry"],"framingOrigins":["https://desk.example.com"]}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await response.BodyAsync();
        Assert.Equal(["visa", "mastercard"], Strings(after["acceptedBrands"]));
        Assert.Equal(["USD"], Strings(after["currencies"]));
        Assert.Equal(["card_number", "expiry"], Strings(after["defaultFields"]));
        Assert.Equal(["https://desk.example.com"], Strings(after["framingOrigins"]));
        Assert.Equal((string?)before["name"], (string?)after["name"]);
        Assert.Equal("us", (string?)after["region"]);
        Assert.Equal((string?)before["createdAt"], (string?)after["createdAt"]);
        Assert.Equal(Strings(before["mediaDestinations"]), Strings(after["mediaDestinations"]));
    }

    [Theory]
    [InlineData("""{"acceptedBrands":["visa","bogus"]}""")]
    [InlineData("""{"acceptedBrands":[]}""")]
    [InlineData("""{"currencies":["usd"]}""")]
    [InlineData("""{"defaultFields":["security_code"]}""")]
    [InlineData("""{"framingOrigins":["javascript:alert(1)"]}""")]
    [InlineData("""{"gateway":{"kind":"paypal"}}""")]
    [InlineData("""{"gateways":{"Bad Name":{"kind":"sandbox"}}}""")]
    [InlineData("""{"gateways":{"eu":{"kind":"paypal"}}}""")]
    [InlineData("""{"name":""}""")]
    [InlineData("""{"mediaDestinations":["nowhere"]}""")]
    public async Task Patch_Invalid_400_AndNothingChanged(string json)
    {
        var (id, admin) = await CreateTenantAsync();
        var before = (await (await admin.GetAsync($"/admin/v1/tenants/{id}", Ct)).BodyAsync()).ToJsonString();

        await (await admin.PatchAsync($"/admin/v1/tenants/{id}", Json.RawJson(json), Ct)).AssertProblemAsync(400, "invalid_request");

        Assert.Equal(before, (await (await admin.GetAsync($"/admin/v1/tenants/{id}", Ct)).BodyAsync()).ToJsonString());
    }

    [Fact]
    public async Task Patch_UnknownTenantOrTenantKey_404Or401()
    {
        var admin = region.ClientWithKey(RegionApplication.AdminKey);
        await (await admin.PatchAsync("/admin/v1/tenants/no-such-tenant", Json.RawJson("{}"), Ct)).AssertProblemAsync(404, "not_found");
        var tenant = region.ClientWithKey(RegionApplication.KeyA);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tenant.PatchAsync($"/admin/v1/tenants/{RegionApplication.TenantA}", Json.RawJson("{}"), Ct)).StatusCode);
    }

    [Fact]
    public async Task NamedGateway_SessionPicksItByName_UnknownName400()
    {
        var (id, admin) = await CreateTenantAsync();
        var patched = await (await admin.PatchAsync($"/admin/v1/tenants/{id}", Json.RawJson("""{"gateways":{"backup":{"kind":"sandbox"}}}"""), Ct)).BodyAsync();
        Assert.Equal("sandbox", (string?)patched["gateways"]!["backup"]!["kind"]);
        var key = (string)(await (await admin.PostJsonAsync($"/admin/v1/tenants/{id}/api-keys", new { })).BodyAsync())["key"]!;
        var client = region.ClientWithKey(key);

        var session = await region.SubmitAsync(client, new { intent = "charge", amount = 8401, currency = "USD", gateway = "backup" });

        Assert.Equal("succeeded", (string?)session["status"]);
        Assert.Equal("backup", (string?)session["controls"]!["gateway"]);
        var keypad = new Keypad(region, client);
        await (await keypad.OpenAsync(new { intent = "charge", amount = 1, currency = "USD", gateway = "nope" })).AssertProblemAsync(400, "gateway_not_found");
    }

    [Fact]
    public async Task NamedGateway_CredentialsStoredUnderItsOwnName()
    {
        var (id, admin) = await CreateTenantAsync();
        await admin.PatchAsync($"/admin/v1/tenants/{id}", Json.RawJson("""{"gateways":{"eu":{"kind":"stripe"}}}"""), Ct);
        var resolver = region.Services.GetRequiredService<IGatewayResolver>();

        await (await admin.PutAsync($"/admin/v1/tenants/{id}/gateway-credentials?gateway=nope", Json.RawJson("""{"apiKey":"sk_test_1"}"""), Ct))
            .AssertProblemAsync(400, "gateway_not_found");
        Assert.Null(await resolver.ForTenantAsync(id, "stripe/eu", Ct));
        var put = await admin.PutAsync($"/admin/v1/tenants/{id}/gateway-credentials?gateway=eu", Json.RawJson("""{"apiKey":"sk_test_1"}"""), Ct);

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal("stripe", (await resolver.ForTenantAsync(id, "stripe/eu", Ct))!.Name);
        Assert.Null(await resolver.ForTenantAsync(id, "stripe", Ct)); // the default's credentials were not touched
    }

    private async Task<(string Id, HttpClient Admin)> CreateTenantAsync()
    {
        var admin = region.ClientWithKey(RegionApplication.AdminKey);
        var id = "p-" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostJsonAsync("/admin/v1/tenants", new { id, name = "Patchable", region = "us", mediaDestinations = new[] { "loopback" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (id, admin);
    }

    private static string?[] Strings(JsonNode? node) => [.. node!.AsArray().Select(n => (string?)n)];
}
