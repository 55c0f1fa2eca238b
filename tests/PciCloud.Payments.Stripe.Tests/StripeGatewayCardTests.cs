using PciCloud.Payments.Cards;
using PciCloud.Payments.Gateways;
using PciCloud.Payments.Money;

namespace PciCloud.Payments.Stripe.Tests;

public sealed class StripeGatewayCardTests : IDisposable
{
    private const string Number = "4000056655665556";
    private readonly StripeStub _stripe = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _stripe.Dispose();

    private static CardPaymentRequest Payment(string key = "ps_1-submit") =>
        new(key, new MoneyAmount(1999, Currency.Parse("GBP")), CardDetails.Create(Number, "0831", "987", "94103"))
        {
            Description = "Order 77",
            Reference = "ord-77",
        };

    [Fact]
    public async Task Charge_CreatesAPaymentMethod_ThenAConfirmedMotoPaymentIntent_WithOurIdempotencyKey()
    {
        _stripe.OnPost("/v1/payment_methods", StripeJson.PaymentMethod);
        _stripe.OnPost("/v1/payment_intents", StripeJson.PaymentIntent("succeeded"));

        var result = await _stripe.Gateway().ChargeAsync(Payment(), Ct);

        Assert.Equal(GatewayResult.Approved("pi_1", "123456", 1999), result);
        var requests = _stripe.Requests;
        Assert.Equal(2, requests.Count);

        var method = requests[0];
        Assert.Equal(("POST", "/v1/payment_methods"), (method.Method, method.Path));
        Assert.Equal("ps_1-submit:payment_method", method.IdempotencyKey);
        Assert.Equal("card", method["type"]);
        Assert.Equal(Number, method["card[number]"]);
        Assert.Equal("8", method["card[exp_month]"]);
        Assert.Equal("2031", method["card[exp_year]"]);
        Assert.Equal("987", method["card[cvc]"]);
        Assert.Equal("94103", method["billing_details[address][postal_code]"]);

        var intent = requests[1];
        Assert.Equal(("POST", "/v1/payment_intents"), (intent.Method, intent.Path));
        Assert.Equal("ps_1-submit", intent.IdempotencyKey);
        Assert.Equal("1999", intent["amount"]);
        Assert.Equal("gbp", intent["currency"]);
        Assert.Equal("pm_1", intent["payment_method"]);
        Assert.Equal("true", intent["confirm"]);
        Assert.Equal("automatic", intent["capture_method"]);
        Assert.Equal("true", intent["payment_method_options[card][moto]"]);
        Assert.Equal("Order 77", intent["description"]);
        Assert.Equal("ps_1-submit", intent["metadata[pcicloud_idempotency_key]"]);
        Assert.Equal("ord-77", intent["metadata[pcicloud_reference]"]);
        Assert.Equal("latest_charge", intent["expand[0]"]);
        AssertNoCardData(intent);
    }

    [Fact]
    public async Task Authorize_UsesManualCapture_AndCaptureAndVoidHitTheIntent()
    {
        _stripe.OnPost("/v1/payment_methods", StripeJson.PaymentMethod);
        _stripe.OnPost("/v1/payment_intents", StripeJson.PaymentIntent("requires_capture"));
        _stripe.OnPost("/v1/payment_intents/pi_1/capture", StripeJson.PaymentIntent("succeeded", amount: 1500));
        _stripe.OnPost("/v1/payment_intents/pi_1/cancel", StripeJson.PaymentIntent("canceled"));
        var gateway = _stripe.Gateway();

        var auth = await gateway.AuthorizeAsync(Payment(), Ct);
        var capture = await gateway.CaptureAsync(new CaptureRequest("cap-1", "pi_1", 1500), Ct);
        var voided = await gateway.VoidAsync(new VoidRequest("void-1", "pi_1"), Ct);

        Assert.True(auth.IsApproved);
        Assert.Equal("manual", _stripe.Requests[1]["capture_method"]);
        Assert.Equal(1500, capture.AmountMinorUnits);
        var captureRequest = _stripe.Requests[2];
        Assert.Equal("/v1/payment_intents/pi_1/capture", captureRequest.Path);
        Assert.Equal("1500", captureRequest["amount_to_capture"]);
        Assert.Equal("cap-1", captureRequest.IdempotencyKey);
        Assert.True(voided.IsApproved);
        Assert.Equal("void-1", _stripe.Requests[3].IdempotencyKey);
    }

    [Theory]
    [InlineData("card_declined", "insufficient_funds", DeclineCodes.InsufficientFunds)]
    [InlineData("card_declined", "generic_decline", DeclineCodes.CardDeclined)]
    [InlineData("card_declined", "fraudulent", DeclineCodes.CardDeclined)]
    [InlineData("card_declined", "lost_card", DeclineCodes.LostCard)]
    [InlineData("card_declined", "stolen_card", DeclineCodes.StolenCard)]
    [InlineData("card_declined", "card_velocity_exceeded", DeclineCodes.VelocityExceeded)]
    [InlineData("expired_card", null, DeclineCodes.ExpiredCard)]
    [InlineData("incorrect_cvc", null, DeclineCodes.IncorrectCvc)]
    [InlineData("incorrect_number", null, DeclineCodes.IncorrectNumber)]
    [InlineData("processing_error", null, DeclineCodes.ProcessingError)]
    [InlineData("authentication_required", null, DeclineCodes.AuthenticationRequired)]
    public async Task Charge_StripeCardErrors_MapToNormalizedDeclines(string code, string? declineCode, string expected)
    {
        _stripe.OnPost("/v1/payment_methods", StripeJson.PaymentMethod);
        _stripe.OnPost("/v1/payment_intents", StripeJson.CardError(code, declineCode), status: 402);

        var result = await _stripe.Gateway().ChargeAsync(Payment(), Ct);

        Assert.Equal(GatewayOutcome.Declined, result.Outcome);
        Assert.Equal(expected, result.DeclineCode);
        Assert.Equal(DeclineCodes.AgentMessage(expected), result.Message);
        Assert.Equal("pi_2", result.Reference);
        Assert.Equal(2, _stripe.Requests.Count); // declines are final: no retry
    }

    [Fact]
    public async Task Charge_RequiresAction_IsAnAuthenticationDecline()
    {
        _stripe.OnPost("/v1/payment_methods", StripeJson.PaymentMethod);
        _stripe.OnPost("/v1/payment_intents", StripeJson.PaymentIntent("requires_action"));

        var result = await _stripe.Gateway().ChargeAsync(Payment(), Ct);

        Assert.Equal(DeclineCodes.AuthenticationRequired, result.DeclineCode);
    }

    [Fact]
    public async Task Charge_ServerErrorThenSuccess_RetriesWithTheSameIdempotencyKey()
    {
        _stripe.OnPost("/v1/payment_methods", StripeJson.PaymentMethod);
        _stripe.On("POST", "/v1/payment_intents", 500, StripeJson.Error("api_error", "internal"), "flaky", null, "recovered");
        _stripe.On("POST", "/v1/payment_intents", 200, StripeJson.PaymentIntent("succeeded"), "flaky", "recovered");

        var result = await _stripe.Gateway().ChargeAsync(Payment(), Ct);

        Assert.True(result.IsApproved);
        var intents = _stripe.Requests.Where(r => r.Path == "/v1/payment_intents").ToList();
        Assert.Equal(2, intents.Count);
        Assert.All(intents, r => Assert.Equal("ps_1-submit", r.IdempotencyKey));
        Assert.All(_stripe.Requests.Where(r => r.Path == "/v1/payment_methods"), r => Assert.Equal("ps_1-submit:payment_method", r.IdempotencyKey));
    }

    [Fact]
    public async Task Charge_StripeDownOnEveryAttempt_IsARetryableError_AfterMaxRetries()
    {
        _stripe.OnPost("/v1/payment_methods", StripeJson.Error("api_error", "internal"), status: 503);

        var result = await _stripe.Gateway(maxRetries: 2).ChargeAsync(Payment(), Ct);

        Assert.Equal(GatewayErrorCodes.Unavailable, result.ErrorCode);
        Assert.True(result.Retryable);
        Assert.Equal(3, _stripe.Requests.Count);
    }

    [Theory]
    [InlineData(401, "invalid_request_error", "api_key_invalid", GatewayErrorCodes.AuthenticationFailed, false)]
    [InlineData(429, "invalid_request_error", "rate_limit", GatewayErrorCodes.RateLimited, true)]
    [InlineData(400, "idempotency_error", "idempotency_key_in_use", GatewayErrorCodes.IdempotencyKeyReused, false)]
    [InlineData(400, "invalid_request_error", "amount_too_large", GatewayErrorCodes.AmountTooLarge, false)]
    [InlineData(400, "invalid_request_error", "parameter_invalid_integer", GatewayErrorCodes.InvalidRequest, false)]
    public async Task Charge_StripeErrors_MapToGatewayErrors(int status, string type, string code, string expected, bool retryable)
    {
        _stripe.OnPost("/v1/payment_methods", StripeJson.PaymentMethod);
        _stripe.OnPost("/v1/payment_intents", StripeJson.Error(type, code), status);

        var result = await _stripe.Gateway(maxRetries: 1).ChargeAsync(Payment(), Ct);

        Assert.Equal(GatewayOutcome.Error, result.Outcome);
        Assert.Equal(expected, result.ErrorCode);
        Assert.Equal(retryable, result.Retryable);
        Assert.Equal(retryable ? 4 : 2, _stripe.Requests.Count);
    }

    [Fact]
    public async Task Charge_StripeTooSlow_TimesOutEachAttempt_ThenIsARetryableError()
    {
        _stripe.OnPost("/v1/payment_methods", StripeJson.PaymentMethod);
        _stripe.OnPostSlow("/v1/payment_intents", StripeJson.PaymentIntent("succeeded"), TimeSpan.FromSeconds(3));

        // WireMock logs a request only once its (delayed) answer is sent, so the attempts are not
        // counted here; retrying with the same key is shown by the 500-then-200 test.
        var result = await _stripe.Gateway(maxRetries: 1, attemptTimeout: TimeSpan.FromMilliseconds(300)).ChargeAsync(Payment(), Ct);

        Assert.Equal(GatewayErrorCodes.Timeout, result.ErrorCode);
        Assert.True(result.Retryable);
    }

    [Fact]
    public async Task Charge_CallerCancels_Throws_InsteadOfReportingAnOutcome()
    {
        _stripe.OnPost("/v1/payment_methods", StripeJson.PaymentMethod);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _stripe.Gateway().ChargeAsync(Payment(), cts.Token));
    }

    [Fact]
    public async Task Charge_InvalidIdempotencyKey_SendsNothing()
    {
        var result = await _stripe.Gateway().ChargeAsync(Payment(""), Ct);

        Assert.Equal(GatewayErrorCodes.InvalidRequest, result.ErrorCode);
        Assert.Empty(_stripe.Requests);
    }

    [Fact]
    public async Task Charge_StripeUnreachable_IsARetryableError()
    {
        _stripe.Dispose();

        var result = await _stripe.Gateway(maxRetries: 1).ChargeAsync(Payment(), Ct);

        Assert.Equal(GatewayOutcome.Error, result.Outcome);
        Assert.True(result.Retryable);
    }

    /// <summary>Card digits may appear only in the card[...] fields of the payment-method request.</summary>
    internal static void AssertNoCardData(StubRequest request)
    {
        foreach (var (field, value) in request.Form)
        {
            if (field.StartsWith("card[", StringComparison.Ordinal) && request.Path == "/v1/payment_methods")
            {
                continue;
            }

            Assert.DoesNotContain(Number, value, StringComparison.Ordinal);
            Assert.DoesNotContain(Number[..6], value, StringComparison.Ordinal);
            Assert.DoesNotContain("0831", value, StringComparison.Ordinal);
            Assert.DoesNotContain("987", value, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Number, request.Query, StringComparison.Ordinal);
    }
}
