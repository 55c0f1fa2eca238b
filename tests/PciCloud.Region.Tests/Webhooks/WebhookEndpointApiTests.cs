using System.Net.Http.Json;
using System.Text.Json;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Webhooks;

/// <summary>PUT /v1/webhook-endpoint on a region that is not the local stack: only public https endpoints.</summary>
public sealed class WebhookEndpointApiTests(SharedRegion region)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("{\"url\":\"https://127.0.0.1/hook\"}")]
    [InlineData("{\"url\":\"https://localhost:8443/hook\"}")]
    [InlineData("{\"url\":\"https://10.1.2.3/hook\"}")]
    [InlineData("{\"url\":\"https://192.168.0.10/hook\"}")]
    [InlineData("{\"url\":\"https://169.254.169.254/latest/meta-data\"}")]
    [InlineData("{\"url\":\"https://[::1]/hook\"}")]
    [InlineData("{\"url\":\"https://[fd00::1]/hook\"}")]
    [InlineData("{\"url\":\"https://metadata.internal/hook\"}")]
    public async Task Put_PrivateOrLoopback_Refused(string json)
    {
        var response = await PutAsync(region.ClientWithKey(RegionApplication.KeyA), json);
        await response.AssertProblemAsync(400, "invalid_url");
    }

    [Theory]
    [InlineData("{\"url\":\"http://hooks.example.com/x\"}")]
    [InlineData("{\"url\":\"ftp://hooks.example.com/x\"}")]
    [InlineData("{\"url\":\"/relative\"}")]
    [InlineData("{\"url\":\"https://user:pw@hooks.example.com/x\"}")]
    [InlineData("{\"events\":[\"*\"]}")]
    [InlineData("{\"url\":\"https://hooks.example.com/x\",\"events\":[\"payment_session.deleted\"]}")]
    [InlineData("{\"url\":\"https://hooks.example.com/x\",\"events\":[\"nothing.*\"]}")]
    [InlineData("{\"url\":42}")]
    [InlineData("not json")]
    public async Task Put_Invalid_Problem(string json)
    {
        var response = await PutAsync(region.ClientWithKey(RegionApplication.KeyA), json);
        await response.AssertProblemAsync(400, "invalid_request");
    }

    [Fact]
    public async Task Put_PublicHttps_SecretShownOnceAndAudited()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var response = await client.PutAsJsonAsync("/v1/webhook-endpoint",
            new { url = "https://hooks.example.com/pcicloud", events = new[] { "payment_session.*", "call.ended" } }, JsonSerializerOptions.Web, Ct);
        var body = await response.BodyAsync();
        Assert.StartsWith("whsec_", (string?)body["secret"], StringComparison.Ordinal);

        var shown = await (await client.GetAsync("/v1/webhook-endpoint", Ct)).BodyAsync();
        Assert.Equal("https://hooks.example.com/pcicloud", (string?)shown["url"]);
        Assert.Null(shown["secret"]);
        var audit = await AuditPages.AllAsync(client);
        Assert.Contains(audit, e => (string?)e!["action"] == "webhook_endpoint.updated");
    }

    [Fact]
    public async Task Put_WithoutKey_Unauthenticated()
    {
        var response = await PutAsync(region.CreateClient(), "{\"url\":\"https://hooks.example.com/x\"}");
        await response.AssertProblemAsync(401, "unauthenticated");
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string json) =>
        client.PutAsync("/v1/webhook-endpoint", Json.RawJson(json), Ct);
}
