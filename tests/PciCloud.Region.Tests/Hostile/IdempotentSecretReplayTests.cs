using System.Net;
using System.Text.Json.Nodes;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Hostile;

/// <summary>
/// Issue 12 item 2: "shown once" holds under Idempotency-Key. A replay answers the same object without the secret
/// (so the store, grain state and Redis, never holds it either: a replay is the stored body, byte for byte).
/// </summary>
public sealed class IdempotentSecretReplayTests(SharedRegion region)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApiKeyCreate_SentTwiceWithOneIdempotencyKey_ShowsTheSecretOnlyTheFirstTime()
    {
        using var admin = region.ClientWithKey(RegionApplication.AdminKey);
        var key = "api-key-" + Guid.NewGuid().ToString("N");

        var first = await PostAsync(admin, $"/admin/v1/tenants/{RegionApplication.TenantB}/api-keys", key, "{}");
        var replay = await PostAsync(admin, $"/admin/v1/tenants/{RegionApplication.TenantB}/api-keys", key, "{}");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = await first.BodyAsync();
        Assert.StartsWith($"sk_{RegionApplication.TenantB}_", (string?)created["key"]);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        var replayed = await replay.BodyAsync();
        Assert.Equal((string?)created["id"], (string?)replayed["id"]);
        Assert.Null(replayed["key"]);
        Assert.DoesNotContain((string)created["key"]!, replayed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
    }

    [Fact]
    public async Task SessionCommand_Replayed_CarriesNoAgentToken()
    {
        await region.EnsureWorkerAsync();
        using var tenant = region.ClientWithKey(RegionApplication.KeyA);
        var callId = (string)(await (await tenant.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;
        var key = "session-" + Guid.NewGuid().ToString("N");
        const string body = "{\"intent\":\"charge\",\"amount\":1500,\"currency\":\"USD\"}";

        var first = await PostAsync(tenant, $"/v1/calls/{callId}/payment-sessions", key, body);
        var replay = await PostAsync(tenant, $"/v1/calls/{callId}/payment-sessions", key, body);

        var created = await first.BodyAsync();
        Assert.NotNull((string?)created["agentUrl"]);
        var replayed = await replay.BodyAsync();
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((string?)created["id"], (string?)replayed["id"]);
        Assert.Null(replayed["agentUrl"]);
        // A fresh link is one GET away for the tenant.
        var fresh = await (await tenant.GetAsync($"/v1/payment-sessions/{(string)created["id"]!}", Ct)).BodyAsync();
        Assert.NotNull((string?)fresh["agentUrl"]);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string idempotencyKey, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json.RawJson(json) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request, Ct);
    }
}
