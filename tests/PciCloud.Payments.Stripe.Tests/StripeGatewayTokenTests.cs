using PciCloud.Payments.Cards;
using PciCloud.Payments.Gateways;
using PciCloud.Payments.Money;

namespace PciCloud.Payments.Stripe.Tests;

public sealed class StripeGatewayTokenTests : IDisposable
{
    private readonly StripeStub _stripe = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _stripe.Dispose();

    [Fact]
    public async Task Tokenize_CreatesACustomerAndAttachesTheCard_WithDerivedKeys()
    {
        _stripe.OnPost("/v1/customers", StripeJson.Customer);
        _stripe.OnPost("/v1/payment_methods", StripeJson.PaymentMethod);
        _stripe.OnPost("/v1/payment_methods/pm_1/attach", StripeJson.PaymentMethod);

        var result = await _stripe.Gateway().TokenizeAsync(new TokenizeRequest("tok-1", CardDetails.Create("4000056655665556", "0831", "987")) { Reference = "cust-9" }, Ct);

        Assert.Equal(GatewayResult.Approved("cus_1/pm_1"), result);
        var requests = _stripe.Requests;
        Assert.Equal(["/v1/customers", "/v1/payment_methods", "/v1/payment_methods/pm_1/attach"], requests.Select(r => r.Path));
        Assert.Equal(["tok-1:customer", "tok-1:payment_method", "tok-1:attach"], requests.Select(r => r.IdempotencyKey));
        Assert.Equal("cust-9", requests[0]["metadata[pcicloud_reference]"]);
        Assert.Equal("cus_1", requests[2]["customer"]);
        StripeGatewayCardTests.AssertNoCardData(requests[0]);
        StripeGatewayCardTests.AssertNoCardData(requests[2]);
    }

    [Fact]
    public async Task ChargeToken_IsAnOffSessionConfirmedIntent()
    {
        _stripe.OnPost("/v1/payment_intents", StripeJson.PaymentIntent("succeeded", id: "pi_9"));

        var result = await _stripe.Gateway().ChargeTokenAsync(new TokenChargeRequest("sch_1-2027-01", "cus_1/pm_1", new MoneyAmount(500, Currency.Parse("JPY"))), Ct);

        Assert.True(result.IsApproved);
        var request = Assert.Single(_stripe.Requests);
        Assert.Equal("sch_1-2027-01", request.IdempotencyKey);
        Assert.Equal("cus_1", request["customer"]);
        Assert.Equal("pm_1", request["payment_method"]);
        Assert.Equal("true", request["off_session"]);
        Assert.Equal("true", request["confirm"]);
        Assert.Equal("500", request["amount"]);
        Assert.Equal("jpy", request["currency"]);
    }

    [Fact]
    public async Task ChargeToken_NotOurToken_SendsNothing()
    {
        var result = await _stripe.Gateway().ChargeTokenAsync(new TokenChargeRequest("k", "pm_sbx_123", new MoneyAmount(500, Currency.Parse("GBP"))), Ct);

        Assert.Equal(GatewayErrorCodes.NotFound, result.ErrorCode);
        Assert.Empty(_stripe.Requests);
    }

    [Fact]
    public async Task Refund_PartialWithReason()
    {
        _stripe.OnPost("/v1/refunds", StripeJson.Refund(amount: 500));

        var result = await _stripe.Gateway().RefundAsync(new RefundRequest("re-1", "pi_1", 500, "requested_by_customer"), Ct);

        Assert.Equal(GatewayResult.Approved("re_1", amountMinorUnits: 500), result);
        var request = Assert.Single(_stripe.Requests);
        Assert.Equal("re-1", request.IdempotencyKey);
        Assert.Equal("pi_1", request["payment_intent"]);
        Assert.Equal("500", request["amount"]);
        Assert.Equal("requested_by_customer", request["reason"]);
    }

    [Fact]
    public async Task Refund_MoreThanLeft_IsAnInvalidRequestError()
    {
        _stripe.OnPost("/v1/refunds", StripeJson.Error("invalid_request_error", "amount_too_large"), status: 400);

        var result = await _stripe.Gateway().RefundAsync(new RefundRequest("re-2", "pi_1", 99999), Ct);

        Assert.Equal(GatewayErrorCodes.AmountTooLarge, result.ErrorCode);
    }

    [Fact]
    public async Task Lookup_ByReference_GetsTheIntent_AndUnknownIsNull()
    {
        _stripe.On("GET", "/v1/payment_intents/pi_1", 200, StripeJson.PaymentIntent("succeeded"));
        _stripe.On("GET", "/v1/payment_intents/pi_404", 404, StripeJson.Error("invalid_request_error", "resource_missing"));
        var gateway = _stripe.Gateway();

        Assert.True((await gateway.LookupAsync(LookupRequest.ByReference("pi_1"), Ct))!.IsApproved);
        Assert.Null(await gateway.LookupAsync(LookupRequest.ByReference("pi_404"), Ct));
    }

    [Fact]
    public async Task Lookup_ByIdempotencyKey_SearchesTheMetadata()
    {
        _stripe.On("GET", "/v1/payment_intents/search", 200, $$"""{ "object": "search_result", "data": [ {{StripeJson.PaymentIntent("succeeded")}} ], "has_more": false }""");

        var result = await _stripe.Gateway().LookupAsync(LookupRequest.ByIdempotencyKey("ps_1-submit"), Ct);

        Assert.Equal("pi_1", result!.Reference);
        var query = Uri.UnescapeDataString(Assert.Single(_stripe.Requests).Query.Replace('+', ' '));
        Assert.Contains("metadata['pcicloud_idempotency_key']:'ps_1-submit'", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_ByIdempotencyKey_NothingFound_IsNull()
    {
        _stripe.On("GET", "/v1/payment_intents/search", 200, """{ "object": "search_result", "data": [], "has_more": false }""");

        Assert.Null(await _stripe.Gateway().LookupAsync(LookupRequest.ByIdempotencyKey("never"), Ct));
    }

    [Fact]
    public async Task Schedules_AreNotNative()
    {
        var gateway = _stripe.Gateway();

        Assert.False(gateway.Capabilities.NativeSchedules);
        Assert.Equal(GatewayErrorCodes.NotSupported, (await gateway.CreateScheduleAsync(new ScheduleRequest("s", "cus_1/pm_1", new MoneyAmount(500, Currency.Parse("GBP")), RecurringInterval.Month), Ct)).ErrorCode);
        Assert.Empty(_stripe.Requests);
    }
}
