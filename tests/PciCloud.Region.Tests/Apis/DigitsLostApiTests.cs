using System.Net;
using PciCloud.Contracts.Calls;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Apis;

/// <summary>A key press that never reached the call shows in the session's API view until the agent resets the field.</summary>
public sealed class DigitsLostApiTests(SharedRegion region)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SequenceGapWhileCapturing_SessionSaysDigitsLost_ResetClearsIt()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        await region.EnsureWorkerAsync();
        var callId = (string)(await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;
        var created = await client.PostJsonAsync($"/v1/calls/{callId}/payment-sessions", new { intent = "charge", amount = 500, currency = "USD" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await created.BodyAsync();
        var id = (string)session["id"]!;
        Assert.Equal(0, (int)session["digitsLost"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/v1/payment-sessions/{id}/capture", new { field = "card_number" })).StatusCode);

        var call = region.Grains.GetGrain<ICallGrain>(callId);
        Assert.Equal(KeyPressOutcome.Routed, await call.ReportKeyPress(new KeyPressReport('4', 1, 0, 80, "inband")));
        Assert.Equal(KeyPressOutcome.Routed, await call.ReportKeyPress(new KeyPressReport('2', 3, 400, 80, "inband"))); // #2 never came

        var view = await (await client.GetAsync($"/v1/payment-sessions/{id}", Ct)).BodyAsync();
        Assert.Equal((1, 2), ((int)view["digitsLost"]!, (int)view["fields"]!["card_number"]!["length"]!));
        Assert.Equal(KeyPressOutcome.Duplicate, await call.ReportKeyPress(new KeyPressReport('2', 3, 400, 80, "inband")));

        var reset = await (await client.PostJsonAsync($"/v1/payment-sessions/{id}/reset", new { field = "card_number" })).BodyAsync();
        Assert.Equal(0, (int)reset["digitsLost"]!);
    }
}
