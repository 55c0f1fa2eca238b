using PciCloud.Payments.Cards;
using PciCloud.Payments.Gateways;
using PciCloud.Payments.Money;

namespace PciCloud.Payments.Sessions;

public sealed partial class PaymentSession
{
    private const int MaxDescriptionLength = 1000;
    private const int MaxReferenceLength = 255;

    /// <summary>
    /// Ready -> submitting. Hands out the card for exactly one gateway request (the buffers are the
    /// session's own: no copy). Call <see cref="CompleteSubmit(SessionOutcome)"/> with the result;
    /// that wipes the card data.
    /// </summary>
    public SessionResult BeginSubmit(out CardDetails? card)
    {
        card = null;
        if (RefuseUnlessOpen() is { } refused)
        {
            return refused;
        }

        if (Status != SessionStatus.Ready || IsBank)
        {
            return SessionResult.Refused(SessionRefusalCodes.NotReady); // a bank session submits with BeginBankSubmit
        }

        var postal = Find(CardField.PostalCode);
        var postalCode = postal?.AgentValue ?? (postal is { Digits.IsEmpty: false } ? new string(postal.Digits.Span) : null);
        card = new CardDetails(Find(CardField.CardNumber)!.Digits, Find(CardField.Expiry)!.Digits, Find(CardField.SecurityCode)?.Digits, postalCode);
        Status = SessionStatus.Submitting;
        CapturingField = null;
        Touch();
        return SessionResult.Accepted;
    }

    /// <summary>
    /// Submitting -> reconciling: the gateway did not confirm an outcome, so the card may or may not have been
    /// charged. The card data is wiped (only a lookup by idempotency key decides now, never a second charge).
    /// </summary>
    public SessionResult MarkOutcomeUnknown()
    {
        if (Status != SessionStatus.Submitting)
        {
            return SessionResult.Refused(SessionRefusalCodes.InvalidState);
        }

        Status = SessionStatus.Reconciling;
        WipeAll();
        Touch();
        return SessionResult.Accepted;
    }

    /// <summary>Submitting or reconciling -> succeeded (approved) or failed (declined, error). Wipes the card data.</summary>
    public SessionResult CompleteSubmit(SessionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (Status is not (SessionStatus.Submitting or SessionStatus.Reconciling))
        {
            return SessionResult.Refused(SessionRefusalCodes.InvalidState);
        }

        Outcome = outcome;
        Status = outcome.Outcome == GatewayOutcome.Approved ? SessionStatus.Succeeded : SessionStatus.Failed;
        FailureReason = outcome.Outcome switch
        {
            GatewayOutcome.Approved => null,
            GatewayOutcome.Declined => SessionFailureCodes.Declined,
            _ => outcome.ErrorCode == SessionFailureCodes.OutcomeUnknown ? SessionFailureCodes.OutcomeUnknown : SessionFailureCodes.GatewayError,
        };
        WipeAll();
        Touch();
        return SessionResult.Accepted;
    }

    /// <summary>Shorthand for a single gateway call's result.</summary>
    public SessionResult CompleteSubmit(GatewayResult result) => CompleteSubmit(SessionOutcome.FromGateway(Intent, result));

    /// <summary>Open -> cancelled; wipes the card data.</summary>
    public SessionResult Cancel()
    {
        if (RefuseUnlessOpen() is { } refused)
        {
            return refused;
        }

        Status = SessionStatus.Cancelled;
        StopCapturing();
        WipeAll();
        Touch();
        return SessionResult.Accepted;
    }

    /// <summary>Non-card details the agent may change before submit; null leaves a value as it is.</summary>
    public SessionResult UpdateDetails(MoneyAmount? amount = null, string? description = null, string? reference = null)
    {
        if (RefuseUnlessOpen() is { } refused)
        {
            return refused;
        }

        if (description?.Length > MaxDescriptionLength || reference?.Length > MaxReferenceLength)
        {
            return SessionResult.Refused(SessionRefusalCodes.InvalidRequest);
        }

        if (CardNumberScanner.ContainsCardNumber(description) || CardNumberScanner.ContainsCardNumber(reference))
        {
            return SessionResult.Refused(SessionRefusalCodes.CardDataInText);
        }

        if (amount is not null && !IsAmountAllowed(Intent, amount))
        {
            return SessionResult.Refused(SessionRefusalCodes.InvalidAmount);
        }

        Amount = amount ?? Amount;
        Description = description ?? Description;
        Reference = reference ?? Reference;
        Touch();
        return SessionResult.Accepted;
    }
}
