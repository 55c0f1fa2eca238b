using PciCloud.Payments.Cards;
using PciCloud.Payments.Gateways;
using PciCloud.Payments.Gateways.Sandbox;
using PciCloud.Payments.Money;
using PciCloud.Payments.Sessions;

namespace PciCloud.Payments.Tests.Sessions;

public sealed class PaymentSessionLifecycleTests
{
    [Fact]
    public void BeginSubmit_HandsOutTheCard_ThenCompleteSubmitWipesIt()
    {
        var session = SessionFactory.Ready();

        Assert.True(session.BeginSubmit(out var card).IsAccepted);
        Assert.Equal(SessionStatus.Submitting, session.Status);
        Assert.Equal("4242424242424242", card!.Number.RevealForGateway());
        Assert.Equal("1229", card.Expiry.RevealForGateway());
        Assert.Equal("123", card.SecurityCode!.RevealForGateway());

        Assert.True(session.CompleteSubmit(GatewayResult.Approved("pi_1", "A1")).IsAccepted);
        Assert.Equal(SessionStatus.Succeeded, session.Status);
        Assert.Equal("pi_1", session.Outcome!.PaymentReference);
        Assert.All(session.Buffers, b => Assert.True(b.IsZeroed));
        Assert.Throws<InvalidOperationException>(() => card.Number.RevealForGateway());
        Assert.Equal("4242", session.GetField(CardField.CardNumber).Last4);
    }

    [Fact]
    public void CompleteSubmit_Declined_FailsTheSession_WithTheAgentMessage()
    {
        var session = SessionFactory.Ready();
        session.BeginSubmit(out _);

        session.CompleteSubmit(GatewayResult.Declined(DeclineCodes.InsufficientFunds));

        Assert.Equal(SessionStatus.Failed, session.Status);
        Assert.Equal(SessionFailureCodes.Declined, session.FailureReason);
        Assert.Equal("Insufficient funds: ask for another card", session.Outcome!.Message);
        Assert.All(session.Buffers, b => Assert.True(b.IsZeroed));
    }

    [Fact]
    public void Cancel_WipesTheCardData()
    {
        var session = SessionFactory.Ready();

        Assert.True(session.Cancel().IsAccepted);

        Assert.Equal(SessionStatus.Cancelled, session.Status);
        Assert.All(session.Buffers, b => Assert.True(b.IsZeroed));
        Assert.Equal(SessionRefusalCodes.InvalidState, session.Cancel().Reason);
    }

    [Fact]
    public void Inactivity_ExpiresTheSession_AndWipes_ButActivityPostponesIt()
    {
        var clock = SessionFactory.Clock();
        var session = SessionFactory.Create(clock);
        session.Key(CardField.CardNumber, "4242");

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.True(session.AppendDigit('4').IsAccepted);
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(session.ExpireIfDue());
        Assert.Equal(SessionStatus.Capturing, session.Status);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(session.ExpireIfDue());
        Assert.Equal(SessionStatus.Expired, session.Status);
        Assert.All(session.Buffers, b => Assert.True(b.IsZeroed));
        Assert.Equal(SessionRefusalCodes.SessionExpired, session.AppendDigit('4').Reason);
    }

    [Fact]
    public void Inactivity_IsNoticedByTheNextCommand()
    {
        var clock = SessionFactory.Clock();
        var session = SessionFactory.Ready(clock: clock);
        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(SessionRefusalCodes.SessionExpired, session.BeginSubmit(out var card).Reason);
        Assert.Null(card);
        Assert.Equal(SessionStatus.Expired, session.Status);
        Assert.All(session.Buffers, b => Assert.True(b.IsZeroed));
    }

    [Fact]
    public void Submitting_DoesNotExpire()
    {
        var clock = SessionFactory.Clock();
        var session = SessionFactory.Ready(clock: clock);
        session.BeginSubmit(out _);
        clock.Advance(TimeSpan.FromHours(1));

        Assert.False(session.ExpireIfDue());
        Assert.Equal(SessionStatus.Submitting, session.Status);
    }

    [Fact]
    public void UpdateDetails_RefusesCardNumbersInText_AndBadAmounts()
    {
        var session = SessionFactory.Create();

        Assert.Equal(SessionRefusalCodes.CardDataInText, session.UpdateDetails(description: "paid with 4242 4242 4242 4242").Reason);
        Assert.Equal(SessionRefusalCodes.InvalidAmount, session.UpdateDetails(amount: new MoneyAmount(0, Currency.Parse("GBP"))).Reason);
        Assert.Equal(SessionRefusalCodes.InvalidRequest, session.UpdateDetails(reference: new string('x', 256)).Reason);
        Assert.Null(session.Description);

        Assert.True(session.UpdateDetails(new MoneyAmount(500, Currency.Parse("JPY")), "Order 77", "ord-77").IsAccepted);
        Assert.Equal(500, session.Amount!.Value.MinorUnits);
        Assert.Equal("ord-77", session.Reference);
    }

    [Fact]
    public void Constructor_RefusesOptionsWithoutCardNumberOrExpiry_AndChargesWithoutAmount()
    {
        var clock = SessionFactory.Clock();
        Assert.Throws<ArgumentException>(() => new PaymentSession("ps", PaymentIntent.Charge, new MoneyAmount(1, Currency.Parse("GBP")), new PaymentSessionOptions { Fields = [CardField.CardNumber] }, clock));
        Assert.Throws<ArgumentException>(() => new PaymentSession("ps", PaymentIntent.Charge, null, new PaymentSessionOptions(), clock));
        Assert.Equal(SessionStatus.Created, new PaymentSession("ps", PaymentIntent.Tokenize, null, new PaymentSessionOptions(), clock).Status);
    }

    [Fact]
    public void Restore_OpenSession_BringsCardFieldsBackEmptyAndLost_KeepingAttempts()
    {
        var session = SessionFactory.Create();
        session.Key(CardField.Expiry, "0125");
        session.Key(CardField.CardNumber, "4242424242424242");
        session.Key(CardField.SecurityCode, "12");
        var view = session.ToView();

        var restored = PaymentSession.Restore(view, new PaymentSessionOptions(), SessionFactory.Clock());

        Assert.Equal(SessionStatus.Capturing, restored.Status);
        Assert.Null(restored.CapturingField);
        var number = restored.GetField(CardField.CardNumber);
        Assert.Equal(FieldState.Empty, number.State);
        Assert.True(number.Lost);
        Assert.Null(number.Last4);
        Assert.True(restored.GetField(CardField.SecurityCode).Lost);
        var expiry = restored.GetField(CardField.Expiry);
        Assert.Equal(FieldState.Invalid, expiry.State);
        Assert.Equal(2, expiry.AttemptsLeft);
        Assert.False(expiry.Lost);
        Assert.Equal(view.CreatedAt, restored.CreatedAt);

        restored.Key(CardField.CardNumber, "4242424242424242");
        Assert.False(restored.GetField(CardField.CardNumber).Lost);
    }

    [Fact]
    public async Task Restore_SubmittingSession_IsReconciledWithTheGateway()
    {
        var gateway = new SandboxGateway();
        var first = SessionFactory.Ready();
        first.BeginSubmit(out var card);
        await gateway.ChargeAsync(new CardPaymentRequest("key-1", first.Amount!.Value, card!), TestContext.Current.CancellationToken);
        var view = first.ToView(); // the silo dies here: the outcome never reached the session

        var restored = PaymentSession.Restore(view, new PaymentSessionOptions(), SessionFactory.Clock());
        Assert.Equal(SessionStatus.Submitting, restored.Status);
        Assert.True((await PaymentSessionSubmitter.ReconcileAsync(restored, gateway, "key-1", TestContext.Current.CancellationToken)).IsAccepted);

        Assert.Equal(SessionStatus.Succeeded, restored.Status);
        Assert.Single(gateway.Ledger());
    }

    [Fact]
    public async Task Reconcile_WhenTheGatewayNeverSawTheSubmit_FailsWithNothingCharged()
    {
        var gateway = new SandboxGateway();
        var session = SessionFactory.Ready();
        session.BeginSubmit(out _);

        await PaymentSessionSubmitter.ReconcileAsync(session, gateway, "never-sent", TestContext.Current.CancellationToken);

        Assert.Equal(SessionStatus.Failed, session.Status);
        Assert.Equal(SessionFailureCodes.OutcomeUnknown, session.FailureReason);
        Assert.Empty(gateway.Ledger());
    }

    [Theory]
    [InlineData(PaymentIntent.Charge, "captured")]
    [InlineData(PaymentIntent.Authorize, "authorized")]
    public async Task Submitter_ChargesOrAuthorizesOnce_AndWipes(PaymentIntent intent, string status)
    {
        var gateway = new SandboxGateway();
        var session = SessionFactory.Ready(intent: intent);

        var result = await PaymentSessionSubmitter.SubmitAsync(session, gateway, "k", TestContext.Current.CancellationToken);

        Assert.True(result.IsAccepted);
        Assert.Equal(SessionStatus.Succeeded, session.Status);
        Assert.Equal(status, Assert.Single(gateway.Ledger()).Status);
        Assert.All(session.Buffers, b => Assert.True(b.IsZeroed));
        Assert.Equal(SessionRefusalCodes.InvalidState, (await PaymentSessionSubmitter.SubmitAsync(session, gateway, "k", TestContext.Current.CancellationToken)).Reason);
    }

    [Fact]
    public async Task Submitter_Tokenize_GivesAToken()
    {
        var session = SessionFactory.Ready(intent: PaymentIntent.Tokenize);

        await PaymentSessionSubmitter.SubmitAsync(session, new SandboxGateway(), "k", TestContext.Current.CancellationToken);

        Assert.StartsWith("pm_sbx_", session.Outcome!.TokenReference, StringComparison.Ordinal);
        Assert.Null(session.Outcome.PaymentReference);
    }

    [Fact]
    public async Task Submitter_Decline_FailsTheSession()
    {
        var session = SessionFactory.Ready(SandboxTestCards.InsufficientFunds);

        await PaymentSessionSubmitter.SubmitAsync(session, new SandboxGateway(), "k", TestContext.Current.CancellationToken);

        Assert.Equal(SessionStatus.Failed, session.Status);
        Assert.Equal(DeclineCodes.InsufficientFunds, session.Outcome!.DeclineCode);
    }
}
