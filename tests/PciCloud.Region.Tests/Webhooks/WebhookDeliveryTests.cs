using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PciCloud.Contracts.Calls;
using PciCloud.Contracts.Webhooks;
using PciCloud.Grains.Webhooks;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Webhooks;

/// <summary>Deliveries to a real Kestrel receiver on loopback: signed, retried after failures, delivered once the receiver recovers.</summary>
public sealed class WebhookDeliveryTests(WebhookRegion region) : IClassFixture<WebhookRegion>
{
    private const string Pan = "4242424242424242";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallEnded_ReceiverFailsTwice_RetriedThenDeliveredSignedWithoutDigits()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = region.ClientWithKey(RegionApplication.KeyA);
        await region.EnsureWorkerAsync();
        var secret = await SetEndpointAsync(client, receiver.Url, ["call.ended"]);
        receiver.RespondWith(500, 503);

        var callId = (string)(await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;
        var call = region.Grains.GetGrain<ICallGrain>(callId);
        for (var i = 0; i < Pan.Length; i++)
        {
            await call.ReportKeyPress(new KeyPressReport(Pan[i], i, i * 200, 80, "websocket-dtmf"));
        }

        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/v1/calls/{callId}/end", new { })).StatusCode);

        var first = await receiver.NextAsync();
        var second = await receiver.NextAsync();
        var third = await receiver.NextAsync();
        Assert.Equal([500, 503, 200], new[] { first.AnsweredStatus, second.AnsweredStatus, third.AnsweredStatus });
        Assert.Equal(first.Body, third.Body);
        foreach (var delivery in new[] { first, second, third })
        {
            Assert.True(WebhookSignature.Verify(secret, delivery.Signature, delivery.Body), delivery.Signature);
            Assert.False(WebhookSignature.Verify(secret, delivery.Signature, delivery.Body + " "));
            var t = long.Parse(delivery.Signature.Split(',')[0]["t=".Length..], CultureInfo.InvariantCulture);
            Assert.InRange(t, before - 5, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
            Assert.Equal("application/json", delivery.ContentType?.Split(';')[0]);
            Assert.DoesNotContain(Pan, delivery.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(Pan[6..12], delivery.Body, StringComparison.Ordinal);
        }

        var evt = JsonNode.Parse(third.Body)!;
        Assert.StartsWith("evt_", (string?)evt["id"], StringComparison.Ordinal);
        Assert.Equal("call.ended", (string?)evt["type"]);
        Assert.Equal(callId, (string?)evt["data"]!["object"]!["id"]);
        Assert.Equal("ended", (string?)evt["data"]!["object"]!["status"]);
        Assert.Null(evt["data"]!["object"]!["media"]);
        await Waiting.UntilAsync(async () => await region.Grains.GetGrain<IWebhookGrain>(RegionApplication.TenantA).GetBacklogAsync() == 0, "an empty backlog");
    }

    [Fact]
    public async Task Enqueue_OnlySubscribedEventsAreDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = region.ClientWithKey(RegionApplication.KeyB);
        var secret = await SetEndpointAsync(client, receiver.Url, ["payment_session.*"]);
        var grain = region.Grains.GetGrain<IWebhookGrain>(RegionApplication.TenantB);

        await grain.EnqueueAsync(WebhookEventTypes.CallEnded, "{\"id\":\"call_x\"}");
        await grain.EnqueueAsync(WebhookEventTypes.PaymentSessionSucceeded, "{\"id\":\"ps_1\",\"status\":\"succeeded\",\"last4\":\"4242\"}");

        var delivery = await receiver.NextAsync();
        Assert.True(WebhookSignature.Verify(secret, delivery.Signature, delivery.Body));
        Assert.Equal("payment_session.succeeded", (string?)JsonNode.Parse(delivery.Body)!["type"]);
        Assert.Equal("ps_1", (string?)JsonNode.Parse(delivery.Body)!["data"]!["object"]!["id"]);
        await Waiting.UntilAsync(async () => await grain.GetBacklogAsync() == 0, "an empty backlog");
        Assert.Single(receiver.All);
    }

    [Fact]
    public async Task Enqueue_PayloadWithCardNumber_NeverQueued()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await SetEndpointAsync(region.ClientWithKey(RegionApplication.KeyB), receiver.Url, ["*"]);
        var grain = region.Grains.GetGrain<IWebhookGrain>(RegionApplication.TenantB);

        await grain.EnqueueAsync(WebhookEventTypes.PaymentSessionUpdated, "{\"description\":\"card 4242 4242 4242 4242\"}");
        await grain.EnqueueAsync(WebhookEventTypes.RefundUpdated, "{\"id\":\"re_1\"}");

        var delivery = await receiver.NextAsync();
        Assert.Equal("refund.updated", (string?)JsonNode.Parse(delivery.Body)!["type"]);
        Assert.All(receiver.All, d => Assert.DoesNotContain("4242 4242", d.Body, StringComparison.Ordinal));
        await Assert.ThrowsAsync<ArgumentException>(() => grain.EnqueueAsync("payment_session.deleted", "{}"));
    }

    [Fact]
    public async Task PutEndpoint_AgainReplacesSecret_OldSignatureNoLongerVerifies()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = region.ClientWithKey(RegionApplication.KeyB);
        var old = await SetEndpointAsync(client, receiver.Url, ["refund.updated"]);
        var current = await SetEndpointAsync(client, receiver.Url, ["refund.updated"]);
        Assert.NotEqual(old, current);

        await region.Grains.GetGrain<IWebhookGrain>(RegionApplication.TenantB).EnqueueAsync(WebhookEventTypes.RefundUpdated, "{\"id\":\"re_2\"}");
        var delivery = await receiver.NextAsync();
        Assert.True(WebhookSignature.Verify(current, delivery.Signature, delivery.Body));
        Assert.False(WebhookSignature.Verify(old, delivery.Signature, delivery.Body));

        var shown = await (await client.GetAsync("/v1/webhook-endpoint", Ct)).BodyAsync();
        Assert.Equal(receiver.Url, (string?)shown["url"]);
        Assert.Null(shown["secret"]);
    }

    private static async Task<string> SetEndpointAsync(HttpClient client, string url, string[] events)
    {
        var response = await client.PutAsJsonAsync("/v1/webhook-endpoint", new { url, events }, JsonSerializerOptions.Web, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.BodyAsync();
        Assert.Equal(events, body["events"]!.AsArray().Select(e => (string)e!));
        var secret = (string)body["secret"]!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        return secret;
    }
}
