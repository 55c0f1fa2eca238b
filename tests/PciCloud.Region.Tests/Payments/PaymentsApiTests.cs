using System.Net;
using System.Text.Json.Nodes;
using PciCloud.Region.Tests.Infrastructure;

namespace PciCloud.Region.Tests.Payments;

/// <summary>API.md "Payments, refunds": GET, capture of an authorization, refunds, and every refusal.</summary>
public sealed class PaymentsApiTests(SharedRegion region)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_SessionCharge_SucceededWithAmountsAndSession()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var session = await region.SubmitAsync(client, new { intent = "charge", amount = 2301, currency = "USD", reference = "order-1" });
        var paymentId = (string)session["result"]!["paymentId"]!;

        var response = await client.GetAsync($"/v1/payments/{paymentId}", Ct);
        var payment = await response.BodyAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(paymentId, (string?)payment["id"]);
        Assert.Equal("charge", (string?)payment["kind"]);
        Assert.Equal("succeeded", (string?)payment["status"]);
        Assert.Equal(2301, (long)payment["amount"]!);
        Assert.Equal(2301, (long)payment["amountCaptured"]!);
        Assert.Equal(2301, (long)payment["amountRefundable"]!);
        Assert.Equal("USD", (string?)payment["currency"]);
        Assert.Equal((string?)session["id"], (string?)payment["sessionId"]);
        Assert.Equal("order-1", (string?)payment["reference"]);
        Assert.Equal((string?)session["result"]!["authorizationCode"], (string?)payment["authorizationCode"]);
        Assert.DoesNotContain(PaidSessions.Card[6..12], payment.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refunds_PartialThenRest_OverRemainingRefused_FullyRefundedConflict()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var paymentId = await region.PaidAsync(client, 1999);

        var first = await client.PostJsonAsync($"/v1/payments/{paymentId}/refunds", new { amount = 500, reason = "requested_by_customer" });
        var refund = await first.BodyAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.StartsWith("re_", (string?)refund["id"], StringComparison.Ordinal);
        Assert.Equal(paymentId, (string?)refund["paymentId"]);
        Assert.Equal(500, (long)refund["amount"]!);
        Assert.Equal("succeeded", (string?)refund["status"]);

        await (await client.PostJsonAsync($"/v1/payments/{paymentId}/refunds", new { amount = 1500 })).AssertProblemAsync(400, "invalid_amount");
        var partial = await (await client.GetAsync($"/v1/payments/{paymentId}", Ct)).BodyAsync();
        Assert.Equal("partially_refunded", (string?)partial["status"]);
        Assert.Equal(500, (long)partial["amountRefunded"]!);
        Assert.Equal(1499, (long)partial["amountRefundable"]!);

        var rest = await (await client.PostJsonAsync($"/v1/payments/{paymentId}/refunds", new { })).BodyAsync();
        Assert.Equal(1499, (long)rest["amount"]!);
        await (await client.PostJsonAsync($"/v1/payments/{paymentId}/refunds", new { amount = 1 })).AssertProblemAsync(409, "invalid_state");

        var done = await (await client.GetAsync($"/v1/payments/{paymentId}", Ct)).BodyAsync();
        Assert.Equal("refunded", (string?)done["status"]);
        Assert.Equal(1999, (long)done["amountRefunded"]!);
        Assert.Equal(2, done["refunds"]!.AsArray().Count);
        Assert.Single(region.Sandbox().Ledger(), e => e.AmountMinorUnits == 1999 && e.RefundedMinorUnits == 1999 && e.Status == "refunded");
    }

    [Fact]
    public async Task Refund_SameIdempotencyKeyTwice_OneRefundReplayed()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var paymentId = await region.PaidAsync(client, 2777);
        var key = "refund-" + Guid.NewGuid().ToString("N");

        async Task<HttpResponseMessage> Post()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/payments/{paymentId}/refunds") { Content = Json.RawJson("{\"amount\":700}") };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request, Ct);
        }

        var first = await Post();
        var second = await Post();
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((string?)(await first.BodyAsync())["id"], (string?)(await second.BodyAsync())["id"]);
        Assert.Single(region.Sandbox().Ledger(), e => e.AmountMinorUnits == 2777 && e.RefundedMinorUnits == 700);
    }

    [Fact]
    public async Task Authorization_RefundBeforeCapture409_CapturePartial_CaptureAgain409()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var paymentId = await region.PaidAsync(client, 3100, intent: "authorize");
        var authorized = await (await client.GetAsync($"/v1/payments/{paymentId}", Ct)).BodyAsync();
        Assert.Equal("authorization", (string?)authorized["kind"]);
        Assert.Equal("authorized", (string?)authorized["status"]);
        Assert.Equal(0, (long)authorized["amountCaptured"]!);
        await (await client.PostJsonAsync($"/v1/payments/{paymentId}/refunds", new { })).AssertProblemAsync(409, "invalid_state");
        await (await client.PostJsonAsync($"/v1/payments/{paymentId}/capture", new { amount = 3101 })).AssertProblemAsync(400, "invalid_amount");

        var captured = await client.PostJsonAsync($"/v1/payments/{paymentId}/capture", new { amount = 3000 });
        var body = await captured.BodyAsync();
        Assert.Equal(HttpStatusCode.OK, captured.StatusCode);
        Assert.Equal("succeeded", (string?)body["status"]);
        Assert.Equal(3000, (long)body["amountCaptured"]!);
        await (await client.PostJsonAsync($"/v1/payments/{paymentId}/capture", new { })).AssertProblemAsync(409, "invalid_state");
        await (await client.PostJsonAsync($"/v1/payments/{paymentId}/refunds", new { amount = 3001 })).AssertProblemAsync(400, "invalid_amount");
        Assert.Single(region.Sandbox().Ledger(), e => e.AmountMinorUnits == 3100 && e.CapturedMinorUnits == 3000 && e.Status == "captured");
    }

    [Fact]
    public async Task Capture_OfACharge_InvalidState_WithoutBody()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var paymentId = await region.PaidAsync(client, 1234);
        var response = await client.PostAsync($"/v1/payments/{paymentId}/capture", null, Ct);
        await response.AssertProblemAsync(409, "invalid_state");
        Assert.Equal("succeeded", (string?)(await (await client.GetAsync($"/v1/payments/{paymentId}", Ct)).BodyAsync())["status"]);
    }

    [Theory]
    [InlineData("pay_doesnotexist000000000000")]
    [InlineData("ps_notapayment")]
    [InlineData("pay_0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task UnknownId_NotFoundEverywhere(string id)
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        await (await client.GetAsync($"/v1/payments/{id}", Ct)).AssertProblemAsync(404, "not_found");
        await (await client.PostJsonAsync($"/v1/payments/{id}/capture", new { })).AssertProblemAsync(404, "not_found");
        await (await client.PostJsonAsync($"/v1/payments/{id}/refunds", new { amount = 1 })).AssertProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task OtherTenant_NotFound_AndNothingChanges()
    {
        var a = region.ClientWithKey(RegionApplication.KeyA);
        var b = region.ClientWithKey(RegionApplication.KeyB);
        var charge = await region.PaidAsync(a, 4100);
        var authorization = await region.PaidAsync(a, 4200, intent: "authorize");

        await (await b.GetAsync($"/v1/payments/{charge}", Ct)).AssertProblemAsync(404, "not_found");
        await (await b.PostJsonAsync($"/v1/payments/{charge}/refunds", new { amount = 100 })).AssertProblemAsync(404, "not_found");
        await (await b.PostJsonAsync($"/v1/payments/{authorization}/capture", new { })).AssertProblemAsync(404, "not_found");

        Assert.Equal(0, (long)(await (await a.GetAsync($"/v1/payments/{charge}", Ct)).BodyAsync())["amountRefunded"]!);
        Assert.Equal("authorized", (string?)(await (await a.GetAsync($"/v1/payments/{authorization}", Ct)).BodyAsync())["status"]);
    }

    [Theory]
    [InlineData("{\"amount\":", "invalid_request")]
    [InlineData("{\"amount\":\"lots\"}", "invalid_request")]
    [InlineData("{\"amount\":-5}", "invalid_amount")]
    [InlineData("{\"amount\":0}", "invalid_amount")]
    [InlineData("{\"amount\":100000000}", "invalid_amount")]
    [InlineData("{\"amount\":1.5}", "invalid_request")]
    [InlineData("{\"reason\":\"felt_like_it\"}", "invalid_request")]
    public async Task Refund_InvalidBody_400_NothingRefunded(string json, string code)
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var paymentId = await region.PaidAsync(client, 1500);
        await (await client.PostAsync($"/v1/payments/{paymentId}/refunds", Json.RawJson(json), Ct)).AssertProblemAsync(400, code);
        Assert.Equal(0, (long)(await (await client.GetAsync($"/v1/payments/{paymentId}", Ct)).BodyAsync())["amountRefunded"]!);
    }

    [Theory]
    [InlineData("{\"amount\":", "invalid_request")]
    [InlineData("{\"amount\":-1}", "invalid_amount")]
    [InlineData("{\"amount\":\"all\"}", "invalid_request")]
    public async Task Capture_InvalidBody_400_StillAuthorized(string json, string code)
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var paymentId = await region.PaidAsync(client, 1600, intent: "authorize");
        await (await client.PostAsync($"/v1/payments/{paymentId}/capture", Json.RawJson(json), Ct)).AssertProblemAsync(400, code);
        Assert.Equal("authorized", (string?)(await (await client.GetAsync($"/v1/payments/{paymentId}", Ct)).BodyAsync())["status"]);
    }

    [Fact]
    public async Task AgentToken_RefundsOnlyItsOwnPayment_AndOnlyWithAgentCanRefund()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var allowed = await region.SubmitAsync(client, new { intent = "charge", amount = 5100, currency = "USD", agentCanRefund = true });
        var denied = await region.SubmitAsync(client, new { intent = "charge", amount = 5200, currency = "USD" });
        var allowedAgent = region.ClientWithKey(PaidSessions.AgentToken(allowed));
        var deniedAgent = region.ClientWithKey(PaidSessions.AgentToken(denied));
        var allowedPayment = (string)allowed["result"]!["paymentId"]!;
        var deniedPayment = (string)denied["result"]!["paymentId"]!;

        await (await allowedAgent.PostJsonAsync($"/v1/payments/{deniedPayment}/refunds", new { amount = 100 })).AssertProblemAsync(404, "not_found");
        await (await deniedAgent.PostJsonAsync($"/v1/payments/{deniedPayment}/refunds", new { amount = 100 })).AssertProblemAsync(404, "not_found");
        await (await allowedAgent.GetAsync($"/v1/payments/{allowedPayment}", Ct)).AssertProblemAsync(401, "unauthenticated");
        await (await allowedAgent.PostJsonAsync($"/v1/payments/{allowedPayment}/capture", new { })).AssertProblemAsync(401, "unauthenticated");

        var refunded = await allowedAgent.PostJsonAsync($"/v1/payments/{allowedPayment}/refunds", new { amount = 100 });
        Assert.Equal(HttpStatusCode.Created, refunded.StatusCode);
        Assert.Equal(100, (long)(await (await client.GetAsync($"/v1/payments/{allowedPayment}", Ct)).BodyAsync())["amountRefunded"]!);
        Assert.Equal(0, (long)(await (await client.GetAsync($"/v1/payments/{deniedPayment}", Ct)).BodyAsync())["amountRefunded"]!);

        // The tenant's key can always refund, agentCanRefund or not.
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync($"/v1/payments/{deniedPayment}/refunds", new { amount = 100 })).StatusCode);
    }

    [Fact]
    public async Task Audit_RefundAndCaptureRecordedWithOutcome()
    {
        var client = region.ClientWithKey(RegionApplication.KeyA);
        var paymentId = await region.PaidAsync(client, 6100);
        var refundId = (string)(await (await client.PostJsonAsync($"/v1/payments/{paymentId}/refunds", new { amount = 100 })).BodyAsync())["id"]!;
        await client.PostJsonAsync($"/v1/payments/{paymentId}/capture", new { });

        var events = (await AuditPages.AllAsync(client)).Select(n => n!).ToList();
        Assert.Contains(events, e => (string?)e["action"] == "refund.created" && (string?)e["objectId"] == refundId && (string?)e["outcome"] == "succeeded");
        Assert.Contains(events, e => (string?)e["action"] == "payment.capture" && (string?)e["objectId"] == paymentId && (string?)e["outcome"] == "invalid_state");
    }
}
