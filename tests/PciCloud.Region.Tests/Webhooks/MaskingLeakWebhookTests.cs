using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PciCloud.Contracts.Calls;
using PciCloud.Contracts.Webhooks;
using PciCloud.Grains.Webhooks;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Webhooks;

/// <summary>Issue 13 part 5: a leak found on a call is a signed tenant webhook; unverified evidence is never a clean report.</summary>
public sealed class MaskingLeakWebhookTests(WebhookRegion region) : IClassFixture<WebhookRegion>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WorkerReportsLeak_CallMaskingLeakDeliveredSignedOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = region.ClientWithKey(RegionApplication.KeyA);
        await region.EnsureWorkerAsync();
        var secret = await SetEndpointAsync(client, receiver.Url, ["call.masking_leak"]);
        var callId = (string)(await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;
        var call = region.Grains.GetGrain<ICallGrain>(callId);

        await call.ReportMaskingSummary(new MaskingSummary(4, ["inband"], 0, 0, []));
        await call.ReportMaskingSummary(new MaskingSummary(5, ["inband"], 1, 0, []));
        await call.ReportMaskingSummary(new MaskingSummary(6, ["inband"], 1, 0, [])); // the same leak again: no second event

        var delivery = await receiver.NextAsync();
        Assert.True(WebhookSignature.Verify(secret, delivery.Signature, delivery.Body), delivery.Signature);
        var evt = JsonNode.Parse(delivery.Body)!;
        Assert.Equal("call.masking_leak", (string?)evt["type"]);
        Assert.Equal(callId, (string?)evt["data"]!["object"]!["id"]);
        Assert.Equal(1, (int?)evt["data"]!["object"]!["leaks"]);
        Assert.Equal(1, (int?)evt["data"]!["object"]!["newLeaks"]);
        await Waiting.UntilAsync(async () => await region.Grains.GetGrain<IWebhookGrain>(RegionApplication.TenantA).GetBacklogAsync() == 0, "an empty backlog");
        Assert.Single(receiver.All);
    }

    [Fact]
    public async Task EvidenceNotVerified_MaskingReportSaysSoWithTheUncheckedStretch()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        await region.EnsureWorkerAsync();
        var callId = (string)(await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;
        await region.Grains.GetGrain<ICallGrain>(callId).ReportMaskingSummary(
            new MaskingSummary(2, ["inband"], 0, 0, []) { Verified = false, Unchecked = [new MaskedSpan(140, 220)], UncheckedMs = 220 });

        var report = await (await client.GetAsync($"/v1/calls/{callId}/masking-report", Ct)).BodyAsync();

        Assert.Equal(0, (int?)report["leaks"]);
        Assert.False((bool?)report["verified"]);
        Assert.Equal(220.0, (double?)report["uncheckedMs"]);
        Assert.Equal(140.0, (double?)report["unchecked"]![0]!["startMs"]);
        Assert.Equal(220.0, (double?)report["unchecked"]![0]!["durationMs"]);
    }

    private static async Task<string> SetEndpointAsync(HttpClient client, string url, string[] events)
    {
        var response = await client.PutAsJsonAsync("/v1/webhook-endpoint", new { url, events }, JsonSerializerOptions.Web, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)(await response.BodyAsync())["secret"]!;
    }
}
