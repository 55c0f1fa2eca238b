using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PciCloud.Grains.Webhooks;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Sessions;

/// <summary>statusCallback (a per-session webhook, signed like the tenant's) and partialResults (an event per change).</summary>
public sealed class SessionCallbackTests(WebhookRegion region) : IClassFixture<WebhookRegion>
{
    private const string Visa = "4242424242424242";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StatusCallbackWithPartialResults_EveryChangeSignedFieldStatesNeverDigits_TenantEndpointUnaffected()
    {
        await using var tenantEndpoint = await WebhookReceiver.StartAsync();
        await using var callback = await WebhookReceiver.StartAsync();
        var client = region.ClientWithKey(RegionApplication.KeyA);
        await region.EnsureWorkerAsync();
        var secret = await SetEndpointAsync(client, tenantEndpoint.Url, ["payment_session.succeeded"]);
        var keypad = new Keypad(region, client);
        var created = await keypad.OpenAsync(new { intent = "charge", amount = 100, currency = "USD", statusCallback = callback.Url, partialResults = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.BodyAsync())["id"]!;
        Assert.Equal(callback.Url, (string?)(await created.BodyAsync())["controls"]!["statusCallback"]);

        await keypad.CaptureAsync(id, "card_number");
        await keypad.KeyAsync(id, "4242");

        var lengths = new List<int>();
        while (!lengths.Contains(4))
        {
            var delivery = await callback.NextAsync();
            Assert.True(WebhookSignature.Verify(secret, delivery.Signature, delivery.Body), delivery.Signature);
            var evt = JsonNode.Parse(delivery.Body)!;
            Assert.Equal("payment_session.updated", (string?)evt["type"]);
            var field = evt["data"]!["object"]!["fields"]!["card_number"]!;
            lengths.Add((int)field["length"]!);
            Assert.Equal(new string('*', (int)field["length"]!), (string?)field["masked"]);
            Assert.DoesNotContain("4242", delivery.Body, StringComparison.Ordinal);
        }

        Assert.Equal([0, 1, 2, 3, 4], lengths); // capture, then one event per key press
        Assert.Empty(tenantEndpoint.All); // the tenant's endpoint subscribed to succeeded only
    }

    [Fact]
    public async Task StatusCallbackWithoutPartialResults_StatusChangesOnly_SucceededArrives()
    {
        await using var callback = await WebhookReceiver.StartAsync();
        var client = region.ClientWithKey(RegionApplication.KeyA);
        await region.EnsureWorkerAsync();
        await SetEndpointAsync(client, callback.Url + "?tenant", ["call.ended"]);
        var keypad = new Keypad(region, client);
        var id = (string)(await (await keypad.OpenAsync(new { intent = "charge", amount = 100, currency = "USD", statusCallback = callback.Url })).BodyAsync())["id"]!;

        foreach (var (field, digits) in new[] { ("card_number", Visa), ("expiry", "1230"), ("security_code", "123") })
        {
            await keypad.CaptureAsync(id, field);
            await keypad.KeyAsync(id, digits);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/v1/payment-sessions/{id}/submit", new { })).StatusCode);
        var types = new List<string>();
        while (!types.Contains("payment_session.succeeded"))
        {
            types.Add((string)JsonNode.Parse((await callback.NextAsync()).Body)!["type"]!);
        }

        // created -> capturing -> ready -> submitting are status changes; no event per key press.
        Assert.InRange(types.Count, 2, 5);
        Assert.All(callback.All, d => Assert.DoesNotContain(Visa, d.Body, StringComparison.Ordinal));
    }

    private static async Task<string> SetEndpointAsync(HttpClient client, string url, string[] events)
    {
        var response = await client.PutAsJsonAsync("/v1/webhook-endpoint", new { url, events }, JsonSerializerOptions.Web, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)(await response.BodyAsync())["secret"]!;
    }
}
