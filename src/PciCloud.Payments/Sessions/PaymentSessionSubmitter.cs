using PciCloud.Payments.Cards;
using PciCloud.Payments.Gateways;

namespace PciCloud.Payments.Sessions;

/// <summary>
/// Submits a ready session to a gateway: one request, with the caller's idempotency key, chosen by
/// intent (charge, authorize; tokenize and recurring store the card and give a token — the
/// recurring schedule itself is created by the caller, natively or as off-session charges).
/// The card data is wiped whatever happens. When the call is cancelled or throws, the session
/// stays submitting; when the gateway did not confirm an outcome it becomes reconciling. Either way the outcome
/// is unknown: reconcile it with <see cref="IPaymentGateway.LookupAsync"/>, never by charging again.
/// </summary>
public static class PaymentSessionSubmitter
{
    public static async Task<SessionResult> SubmitAsync(PaymentSession session, IPaymentGateway gateway, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(gateway);
        if (session.IsBank)
        {
            return await SubmitBankAsync(session, gateway, idempotencyKey, cancellationToken).ConfigureAwait(false);
        }

        var begun = session.BeginSubmit(out var card);
        if (!begun.IsAccepted)
        {
            return begun;
        }

        try
        {
            var result = await Send(session, gateway, idempotencyKey, card!, cancellationToken).ConfigureAwait(false);
            return IsOutcomeUnknown(result) ? session.MarkOutcomeUnknown() : session.CompleteSubmit(result);
        }
        finally
        {
            card!.Dispose();
        }
    }

    private static async Task<SessionResult> SubmitBankAsync(PaymentSession session, IPaymentGateway gateway, string idempotencyKey, CancellationToken cancellationToken)
    {
        var begun = session.BeginBankSubmit(out var account);
        if (!begun.IsAccepted)
        {
            return begun;
        }

        try
        {
            // One-off debit, or (recurring) a mandate whose token the schedule debits.
            var request = new BankDebitRequest(idempotencyKey, session.Amount, account!, Mandate: session.Intent == PaymentIntent.Recurring)
            {
                Description = session.Description,
                Reference = session.Reference,
            };
            return session.CompleteSubmit(await gateway.DebitBankAsync(request, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            account!.Dispose();
        }
    }

    /// <summary>
    /// Reconciles a session left submitting or reconciling, by its idempotency key: the gateway's stored outcome when
    /// it has a definite one. Until then the session is (or stays) reconciling: an error or a payment still
    /// processing is no answer, and "not found" is one only when <paramref name="notFoundIsFinal"/> (a gateway's
    /// search may lag behind its charges: Stripe's by up to a minute). Accepted when the session changed.
    /// </summary>
    public static async Task<SessionResult> ReconcileAsync(PaymentSession session, IPaymentGateway gateway, string idempotencyKey, CancellationToken cancellationToken, bool notFoundIsFinal = true)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(gateway);
        if (session.Status is not (SessionStatus.Submitting or SessionStatus.Reconciling))
        {
            return SessionResult.Refused(SessionRefusalCodes.InvalidState);
        }

        var found = await gateway.LookupAsync(LookupRequest.ByIdempotencyKey(idempotencyKey), cancellationToken).ConfigureAwait(false);
        if (found is { Outcome: GatewayOutcome.Error } || (found is null && !notFoundIsFinal))
        {
            // Still unknown: say so (once), and try again later.
            return session.Status == SessionStatus.Submitting ? session.MarkOutcomeUnknown() : SessionResult.Refused(SessionRefusalCodes.GatewayUnavailable);
        }

        return session.CompleteSubmit(found is not null
            ? SessionOutcome.FromGateway(session.Intent, found)
            : new SessionOutcome(GatewayOutcome.Error) { ErrorCode = SessionFailureCodes.OutcomeUnknown, Message = "The payment did not reach the gateway: nothing was charged. Start a new session." });
    }

    /// <summary>
    /// Declines and definite errors (invalid request, authentication) say no card was charged; a timeout, a
    /// network failure, a 5xx or a payment still processing say nothing, whatever the request did.
    /// </summary>
    public static bool IsOutcomeUnknown(GatewayResult result) =>
        result is { Outcome: GatewayOutcome.Error } && (result.Retryable || result.ErrorCode == GatewayErrorCodes.Processing);

    private static Task<GatewayResult> Send(PaymentSession session, IPaymentGateway gateway, string key, CardDetails card, CancellationToken cancellationToken)
    {
        switch (session.Intent)
        {
            case PaymentIntent.Charge or PaymentIntent.Authorize:
                var payment = new CardPaymentRequest(key, session.Amount!.Value, card) { Description = session.Description, Reference = session.Reference };
                return session.Intent == PaymentIntent.Charge
                    ? gateway.ChargeAsync(payment, cancellationToken)
                    : gateway.AuthorizeAsync(payment, cancellationToken);
            default:
                return gateway.TokenizeAsync(new TokenizeRequest(key, card) { Description = session.Description, Reference = session.Reference }, cancellationToken);
        }
    }
}
