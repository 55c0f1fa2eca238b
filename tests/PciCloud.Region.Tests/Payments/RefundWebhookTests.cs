using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PciCloud.Grains.Webhooks;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Payments;

/// <summary>A refund raises refund.updated: signed, the refund object only, never card data.</summary>
public sealed class RefundWebhookTests(WebhookRegion region) : IClassFixture<WebhookRegion>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Refund_RaisesRefundUpdated_SignedWithoutCardData()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var put = await client.PutAsJsonAsync("/v1/webhook-endpoint", new { url = receiver.Url, events = new[] { "refund.updated" } }, JsonSerializerOptions.Web, Ct);
        var secret = (string)(await put.BodyAsync())["secret"]!;
        var paymentId = await region.PaidAsync(client, 9100);

        var created = await client.PostJsonAsync($"/v1/payments/{paymentId}/refunds", new { amount = 300, reason = "duplicate" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var refundId = (string)(await created.BodyAsync())["id"]!;

        var delivery = await receiver.NextAsync();
        Assert.True(WebhookSignature.Verify(secret, delivery.Signature, delivery.Body), delivery.Signature);
        var evt = JsonNode.Parse(delivery.Body)!;
        var refund = evt["data"]!["object"]!;
        Assert.Equal("refund.updated", (string?)evt["type"]);
        Assert.Equal(refundId, (string?)refund["id"]);
        Assert.Equal("refund", (string?)refund["object"]);
        Assert.Equal(paymentId, (string?)refund["paymentId"]);
        Assert.Equal(300, (long)refund["amount"]!);
        Assert.Equal("succeeded", (string?)refund["status"]);
        Assert.Equal("duplicate", (string?)refund["reason"]);
        Assert.DoesNotContain(PaidSessions.Card, delivery.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(PaidSessions.Card[6..12], delivery.Body, StringComparison.Ordinal);
    }
}
