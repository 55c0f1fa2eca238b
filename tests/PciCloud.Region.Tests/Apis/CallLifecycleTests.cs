using System.Diagnostics;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Apis;

/// <summary>Ending a call mid-payment (the customer hangs up: a SIP BYE, or POST /end) and finding calls by external id.</summary>
public sealed class CallLifecycleTests(SharedRegion region)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EndCall_WithAnOpenPaymentSession_EndsPromptly_SessionCancelled()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var call = await (await client.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync();
        var id = (string)call["id"]!;
        var session = await (await client.PostJsonAsync($"/v1/calls/{id}/payment-sessions", new { intent = "charge", amount = 500, currency = "USD" })).BodyAsync();

        // The CallGrain cancels the session, which reports back to the CallGrain: that must not wait for the
        // end call to finish (it waited for the 30 s grain call timeout, then failed).
        var clock = Stopwatch.StartNew();
        var ended = await (await client.PostJsonAsync($"/v1/calls/{id}/end", new { })).BodyAsync();

        Assert.Equal("ended", (string?)ended["status"]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"ending took {clock.Elapsed}");
        var after = await (await client.GetAsync($"/v1/payment-sessions/{(string)session["id"]!}", Ct)).BodyAsync();
        Assert.Equal("cancelled", (string?)after["status"]);
    }

    [Fact]
    public async Task FindCalls_ByExternalId_OnlyTheCallersOwn()
    {
        var externalId = "crm-" + Guid.NewGuid().ToString("N");
        var a = region.ClientWithKey(RegionApplication.KeyA);
        var b = region.ClientWithKey(RegionApplication.KeyB);
        var created = await (await a.PostJsonAsync("/v1/calls", new { externalId, media = new { transport = "websocket" } })).BodyAsync();
        await b.PostJsonAsync("/v1/calls", new { externalId, media = new { transport = "websocket" } });

        var found = await (await a.GetAsync($"/v1/calls?externalId={externalId}", Ct)).BodyAsync();

        var only = Assert.Single(found["data"]!.AsArray());
        Assert.Equal((string?)created["id"], (string?)only!["id"]);
        Assert.Empty((await (await a.GetAsync("/v1/calls?externalId=nothing-here", Ct)).BodyAsync())["data"]!.AsArray());
        await (await a.GetAsync("/v1/calls", Ct)).AssertProblemAsync(400, "invalid_request");
    }
}
