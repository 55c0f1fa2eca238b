using PciCloud.Payments.Gateways;
using PciCloud.Payments.Money;
using PciCloud.Payments.Sessions;

namespace PciCloud.Payments.Stripe.Tests.Hostile;

/// <summary>
/// Issue 12 item 5: Stripe takes the charge but the answer never arrives. "Nothing was charged" would be a lie that
/// ends in a second charge; the session says "reconciling" and asks Stripe by idempotency key until it knows.
/// </summary>
public sealed class OutcomeUnknownTests : IDisposable
{
    private const string Key = "ps_hang-submit";
    private const string EmptySearch = """{ "object": "search_result", "data": [], "has_more": false }""";
    private readonly StripeStub _stripe = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _stripe.Dispose();

    [Fact]
    public async Task ChargeThatHangs_ThenSucceededAtStripe_IsReconciledToApproved_WithExactlyOneCharge()
    {
        _stripe.OnPost("/v1/payment_methods", StripeJson.PaymentMethod);
        _stripe.OnPostSlow("/v1/payment_intents", StripeJson.PaymentIntent("succeeded"), TimeSpan.FromSeconds(6));
        // Stripe's search lags behind its charges: the first lookup finds nothing, the next one finds the payment.
        _stripe.On("GET", "/v1/payment_intents/search", 200, EmptySearch, "search", null, "indexed");
        _stripe.On("GET", "/v1/payment_intents/search", 200,
            $$"""{ "object": "search_result", "data": [ {{StripeJson.PaymentIntent("succeeded")}} ], "has_more": false }""", "search", "indexed");
        var gateway = _stripe.Gateway(maxRetries: 0, attemptTimeout: TimeSpan.FromSeconds(3));
        var session = ReadySession();

        await PaymentSessionSubmitter.SubmitAsync(session, gateway, Key, Ct);
        Assert.Equal(SessionStatus.Reconciling, session.Status);
        Assert.Null(session.Outcome);

        await PaymentSessionSubmitter.ReconcileAsync(session, gateway, Key, Ct, notFoundIsFinal: false);
        Assert.Equal(SessionStatus.Reconciling, session.Status);

        await PaymentSessionSubmitter.ReconcileAsync(session, gateway, Key, Ct, notFoundIsFinal: false);
        Assert.Equal(SessionStatus.Succeeded, session.Status);
        Assert.Equal(GatewayOutcome.Approved, session.Outcome!.Outcome);
        Assert.Equal("pi_1", session.Outcome.PaymentReference);
        // The hung charge is logged once the stub has answered it (after the client gave up): still only one.
        await _stripe.WaitForRequestsAsync(r => (r.Method, r.Path) == ("POST", "/v1/payment_intents"), 1, Ct);
        Assert.Single(_stripe.Requests, r => (r.Method, r.Path) == ("POST", "/v1/payment_intents"));
        Assert.Single(_stripe.Requests, r => (r.Method, r.Path) == ("POST", "/v1/payment_methods"));
    }

    [Fact]
    public async Task ChargeThatHangs_AndStripeNeverSawIt_FailsAsNothingCharged_OnlyOnceTheSearchLagIsOver()
    {
        _stripe.OnPost("/v1/payment_methods", StripeJson.PaymentMethod);
        _stripe.OnPostSlow("/v1/payment_intents", StripeJson.PaymentIntent("succeeded"), TimeSpan.FromSeconds(6));
        _stripe.On("GET", "/v1/payment_intents/search", 200, EmptySearch);
        var gateway = _stripe.Gateway(maxRetries: 0, attemptTimeout: TimeSpan.FromSeconds(3));
        var session = ReadySession();

        await PaymentSessionSubmitter.SubmitAsync(session, gateway, Key, Ct);
        await PaymentSessionSubmitter.ReconcileAsync(session, gateway, Key, Ct, notFoundIsFinal: false);
        Assert.Equal(SessionStatus.Reconciling, session.Status);

        await PaymentSessionSubmitter.ReconcileAsync(session, gateway, Key, Ct, notFoundIsFinal: true);
        Assert.Equal(SessionStatus.Failed, session.Status);
        Assert.Equal(SessionFailureCodes.OutcomeUnknown, session.FailureReason);
    }

    [Theory]
    [InlineData(500, "api_error")]
    [InlineData(503, "api_error")]
    public async Task ServerError_IsAnUnknownOutcome_NotAFailure(int status, string type)
    {
        _stripe.OnPost("/v1/payment_methods", StripeJson.PaymentMethod);
        _stripe.OnPost("/v1/payment_intents", StripeJson.Error(type, type), status);
        var session = ReadySession();

        await PaymentSessionSubmitter.SubmitAsync(session, _stripe.Gateway(maxRetries: 0), Key, Ct);

        Assert.Equal(SessionStatus.Reconciling, session.Status);
    }

    private static PaymentSession ReadySession()
    {
        var session = new PaymentSession("ps_hang", PaymentIntent.Charge, new MoneyAmount(1999, Currency.Parse("GBP")), new PaymentSessionOptions(), TimeProvider.System);
        foreach (var (field, keys) in new[] { (CardField.CardNumber, "4242424242424242"), (CardField.Expiry, "1230"), (CardField.SecurityCode, "123") })
        {
            Assert.True(session.StartCapture(field).IsAccepted);
            foreach (var key in keys)
            {
                Assert.True(session.AppendDigit(key).IsAccepted);
            }
        }

        Assert.Equal(SessionStatus.Ready, session.Status);
        return session;
    }
}
