using System.Net;
using System.Text.Json.Nodes;
using PciCloud.Contracts.Calls;
using PciCloud.Contracts.Sessions;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Hostile;

/// <summary>
/// Issue 12 item 5 at the region: the gateway charged the card but its answer was lost. The session says
/// "reconciling" (never "nothing charged"), a repeated submit charges nothing, and the session's own timer asks the
/// gateway by idempotency key until the answer is definite: approved, with exactly one charge.
/// </summary>
public sealed class OutcomeUnknownTests(ControlledRegion region) : IClassFixture<ControlledRegion>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChargeAnswerLost_SessionReconciles_ToApproved_WithExactlyOneCharge()
    {
        using var tenant = region.ClientWithKey(RegionApplication.KeyA);
        var (callId, sessionId) = await ReadySessionAsync(tenant, 4321);
        region.Gateways.LoseNextAnswers(LossyGatewayResolver.CardCharge, 1);

        var submitted = await (await tenant.PostJsonAsync($"/v1/payment-sessions/{sessionId}/submit", new { })).BodyAsync();
        var again = await (await tenant.PostJsonAsync($"/v1/payment-sessions/{sessionId}/submit", new { })).BodyAsync();
        var ended = await tenant.PostAsync($"/v1/calls/{callId}/end", null, Ct);

        Assert.Equal("reconciling", (string?)submitted["status"]);
        Assert.Null(submitted["result"]);
        Assert.Equal("reconciling", (string?)again["status"]);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var final = await WaitForFinalAsync(tenant, sessionId);
        Assert.Equal("succeeded", (string?)final["status"]);
        Assert.Equal("approved", (string?)final["result"]!["outcome"]);
        Assert.Single(region.Sandbox().Ledger(), e => e.AmountMinorUnits == 4321);
        var payment = await tenant.GetAsync($"/v1/payments/{(string)final["result"]!["paymentId"]!}", Ct);
        Assert.Equal(HttpStatusCode.OK, payment.StatusCode);
    }

    private async Task<(string CallId, string SessionId)> ReadySessionAsync(HttpClient tenant, long amount)
    {
        await region.EnsureWorkerAsync();
        var callId = (string)(await (await tenant.PostJsonAsync("/v1/calls", new { media = new { transport = "websocket" } })).BodyAsync())["id"]!;
        var sessionId = (string)(await (await tenant.PostJsonAsync($"/v1/calls/{callId}/payment-sessions", new { intent = "charge", amount, currency = "USD" })).BodyAsync())["id"]!;
        var call = region.Grains.GetGrain<ICallGrain>(callId);
        var sequence = 0L;
        foreach (var (field, digits) in new[] { ("card_number", PaidSessions.Card), ("expiry", "1230"), ("security_code", "123") })
        {
            Assert.Equal(HttpStatusCode.OK, (await tenant.PostJsonAsync($"/v1/payment-sessions/{sessionId}/capture", new { field })).StatusCode);
            foreach (var digit in digits)
            {
                Assert.Equal(KeyPressOutcome.Routed, await call.ReportKeyPress(new KeyPressReport(digit, ++sequence, sequence * 200, 80, "inband")));
            }
        }

        return (callId, sessionId);
    }

    private async Task<JsonNode> WaitForFinalAsync(HttpClient tenant, string sessionId)
    {
        for (var round = 0; round < 60; round++)
        {
            var view = await (await tenant.GetAsync($"/v1/payment-sessions/{sessionId}", Ct)).BodyAsync();
            if ((string?)view["status"] is "succeeded" or "failed" or "cancelled" or "expired")
            {
                return view;
            }

            await region.Grains.GetGrain<IPaymentSessionGrain>(sessionId).WaitForChangeAsync((long)view["version"]!, TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException($"Session {sessionId} never became final.");
    }
}
