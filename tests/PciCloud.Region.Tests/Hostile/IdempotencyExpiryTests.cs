using System.Net;
using PciCloud.Grains.Idempotency;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Hostile;

/// <summary>
/// Issue 12 item 9: an Idempotency-Key is kept 24 h (as Stripe keeps them), then it is a new key. The
/// store's own bound (Redis expires each record) is in <c>Cluster/IdempotencyRedisExpiryTests</c>.
/// </summary>
public sealed class IdempotencyExpiryTests(ControlledRegion region) : IClassFixture<ControlledRegion>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Key_ReusedJustBefore24Hours_ReplaysTheFirstAnswer()
    {
        using var admin = region.ClientWithKey(RegionApplication.AdminKey);
        var key = "expiry-" + Guid.NewGuid().ToString("N");

        var first = await PostAsync(admin, key, "{}");
        region.IdempotencyClock.Advance(IdempotencyGrain.Retention - TimeSpan.FromMinutes(1));
        var again = await PostAsync(admin, key, "{\"other\":true}");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
    }

    [Fact]
    public async Task Key_ReusedAfter24Hours_IsTreatedAsNew()
    {
        using var admin = region.ClientWithKey(RegionApplication.AdminKey);
        var key = "expiry-" + Guid.NewGuid().ToString("N");

        var first = await PostAsync(admin, key, "{}");
        region.IdempotencyClock.Advance(IdempotencyGrain.Retention + TimeSpan.FromMinutes(1));
        var sameBody = await PostAsync(admin, key, "{}");
        var otherBody = await PostAsync(admin, key, "{\"other\":true}");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, sameBody.StatusCode);
        Assert.False(sameBody.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual((string?)(await first.BodyAsync())["id"], (string?)(await sameBody.BodyAsync())["id"]);
        // The new record is the one honoured now: the same key with another body is a reuse again.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherBody.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string idempotencyKey, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/v1/tenants/{RegionApplication.TenantB}/api-keys")
        {
            Content = Json.RawJson(json),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request, Ct);
    }
}
