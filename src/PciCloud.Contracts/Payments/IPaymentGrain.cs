namespace PciCloud.Contracts.Payments;

/// <summary>
/// One payment at the tenant's gateway (key: pay_ id): a session's charge or authorization, or an
/// off-session charge of a stored card. Persisted: amounts, status, gateway reference; never card data.
/// </summary>
[Alias("pcicloud.payment-grain.v1")]
public interface IPaymentGrain : IGrainWithStringKey
{
    [Alias("get")] Task<PaymentView?> GetAsync();

    /// <summary>A payment a session already made at the gateway (approved). Idempotent.</summary>
    [Alias("register")] Task<PaymentView> RegisterAsync(PaymentRegistration registration);

    /// <summary>
    /// Charges a stored card once: the pending charge is persisted before the gateway is called, and
    /// a repeated call (or a retry after a lost activation) re-sends the same idempotency key.
    /// </summary>
    [Alias("charge-token")] Task<PaymentReply> ChargeTokenAsync(PaymentRegistration registration, string tokenReference);

    /// <summary>Captures an authorization (all of it, or <paramref name="amount"/> minor units).</summary>
    [Alias("capture")] Task<PaymentReply> CaptureAsync(long? amount);

    /// <summary>Voids an uncaptured authorization (idempotent: a voided payment answers as it is).</summary>
    [Alias("void")] Task<PaymentReply> VoidAsync();

    [Alias("refund")] Task<RefundReply> RefundAsync(RefundCommand command);
}
