using System.Net;
using System.Text.Json.Nodes;
using PciCloud.Contracts.Calls;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Hostile;

/// <summary>
/// Issue 12 item 4: a customer who hangs up while keying a card. The CallGrain and the PaymentSessionGrain must
/// never wait on each other in a cycle (the call waiting for the session while the session waits for the call
/// dropped both requests after the 30 s response timeout): end answers at once, whatever the session is doing.
/// </summary>
public sealed class CallEndTests(SharedRegion region)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("created", "cancelled")]
    [InlineData("capturing", "cancelled")]
    [InlineData("ready", "cancelled")]
    [InlineData("succeeded", "succeeded")]
    [InlineData("failed", "failed")]
    [InlineData("cancelled", "cancelled")]
    public async Task EndCall_WithTheSessionIn_AnyState_AnswersEnded_AndTheSessionIsFinal(string state, string finalStatus)
    {
        using var tenant = region.ClientWithKey(RegionApplication.KeyA);
        var (callId, sessionId) = await SessionInStateAsync(tenant, state);

        var ended = await tenant.PostAsync($"/v1/calls/{callId}/end", null, Ct);

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal("ended", (string?)(await ended.BodyAsync())["status"]);
        var session = await WaitForFinalAsync(tenant, sessionId);
        Assert.Equal(finalStatus, (string?)session["status"]);
        Assert.All(session["fields"]!.AsObject(), f => Assert.Matches("^\\**$", (string)f.Value!["masked"]!));
    }

    [Fact]
    public async Task KeyPresses_ReportedWhileTheCallEnds_AreAllAnswered_AndTheSessionEndsCancelled()
    {
        using var tenant = region.ClientWithKey(RegionApplication.KeyA);
        var (callId, sessionId) = await SessionInStateAsync(tenant, "capturing");
        var call = region.Grains.GetGrain<ICallGrain>(callId);

        var presses = Enumerable.Range(100, 40).Select(i => call.ReportKeyPress(new KeyPressReport('4', i, i * 200, 80, "inband"))).ToList();
        var end = tenant.PostAsync($"/v1/calls/{callId}/end", null, Ct);
        var outcomes = await Task.WhenAll(presses);
        var ended = await end;

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.All(outcomes, o => Assert.Contains(o, new[] { KeyPressOutcome.Routed, KeyPressOutcome.Dropped, KeyPressOutcome.Rejected }));
        Assert.Equal(KeyPressOutcome.Rejected, await call.ReportKeyPress(new KeyPressReport('4', 1000, 0, 80, "inband")));
        Assert.Equal("cancelled", (string?)(await WaitForFinalAsync(tenant, sessionId))["status"]);
    }

    [Fact]
    public async Task KeyPress_ThatFailsTheSession_IsRouted_AndTheCallOpensANewSession()
    {
        using var tenant = region.ClientWithKey(RegionApplication.KeyA);
        var (callId, sessionId) = await SessionInStateAsync(tenant, "created");
        var call = region.Grains.GetGrain<ICallGrain>(callId);

        // Three invalid card numbers use up the field's attempts: the third '#' fails the session from inside a key press.
        var outcomes = new List<KeyPressOutcome>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await tenant.PostJsonAsync($"/v1/payment-sessions/{sessionId}/capture", new { field = "card_number" })).StatusCode);
            foreach (var key in "1234#")
            {
                outcomes.Add(await call.ReportKeyPress(new KeyPressReport(key, 10 + outcomes.Count, 0, 80, "inband")));
            }
        }

        Assert.All(outcomes, o => Assert.Equal(KeyPressOutcome.Routed, o));
        Assert.Equal("failed", (string?)(await WaitForFinalAsync(tenant, sessionId))["status"]);
        var next = await tenant.PostJsonAsync($"/v1/calls/{callId}/payment-sessions", new { intent = "charge", amount = 1000, currency = "USD" });
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
    }

    /// <summary>A call with one session driven to <paramref name="state"/> through the API and the CallGrain, as in production.</summary>
    private async Task<(string CallId, string SessionId)> SessionInStateAsync(HttpClient tenant, string state)
    {
        await region.EnsureWorkerAsync();
        var callId = (string)(await (await tenant.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;
        var created = await (await tenant.PostJsonAsync($"/v1/calls/{callId}/payment-sessions", new { intent = "charge", amount = 1000, currency = "USD" })).BodyAsync();
        var sessionId = (string)created["id"]!;
        var call = region.Grains.GetGrain<ICallGrain>(callId);
        var sequence = 0L;
        async Task KeyAsync(string field, string digits)
        {
            Assert.Equal(HttpStatusCode.OK, (await tenant.PostJsonAsync($"/v1/payment-sessions/{sessionId}/capture", new { field })).StatusCode);
            foreach (var digit in digits)
            {
                Assert.Equal(KeyPressOutcome.Routed, await call.ReportKeyPress(new KeyPressReport(digit, ++sequence, sequence * 200, 80, "inband")));
            }
        }

        switch (state)
        {
            case "capturing":
                await KeyAsync("card_number", "4242");
                break;
            case "ready" or "succeeded" or "failed":
                await KeyAsync("card_number", state == "failed" ? "4000000000000002" : PaidSessions.Card);
                await KeyAsync("expiry", "1230");
                await KeyAsync("security_code", "123");
                if (state != "ready")
                {
                    Assert.Equal(HttpStatusCode.OK, (await tenant.PostJsonAsync($"/v1/payment-sessions/{sessionId}/submit", new { })).StatusCode);
                }

                break;
            case "cancelled":
                Assert.Equal(HttpStatusCode.OK, (await tenant.PostJsonAsync($"/v1/payment-sessions/{sessionId}/cancel", new { })).StatusCode);
                break;
        }

        var view = await (await tenant.GetAsync($"/v1/payment-sessions/{sessionId}", Ct)).BodyAsync();
        Assert.Equal(state, (string?)view["status"]);
        return (callId, sessionId);
    }

    /// <summary>The session once it is final: the call tells it to stop without waiting, so this waits on its event stream's grain call.</summary>
    private async Task<JsonNode> WaitForFinalAsync(HttpClient tenant, string sessionId)
    {
        for (var round = 0; round < 50; round++)
        {
            var view = await (await tenant.GetAsync($"/v1/payment-sessions/{sessionId}", Ct)).BodyAsync();
            if ((string?)view["status"] is "succeeded" or "failed" or "cancelled" or "expired")
            {
                return view;
            }

            var version = (long)view["version"]!;
            await region.Grains.GetGrain<PciCloud.Contracts.Sessions.IPaymentSessionGrain>(sessionId).WaitForChangeAsync(version, TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException($"Session {sessionId} never became final.");
    }
}
