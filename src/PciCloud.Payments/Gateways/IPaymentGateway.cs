namespace PciCloud.Payments.Gateways;

/// <summary>
/// A merchant's payment gateway. Every operation takes an idempotency key (the same key with the
/// same request gives the same result and never a second charge; with a different request an
/// error <see cref="GatewayErrorCodes.IdempotencyKeyReused"/>) and answers a normalized
/// <see cref="GatewayResult"/>. Expected failures are results, not exceptions; only cancellation throws.
/// Implementations are thread-safe.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>A short stable name ("sandbox", "stripe").</summary>
    string Name { get; }

    GatewayCapabilities Capabilities { get; }

    Task<GatewayResult> ChargeAsync(CardPaymentRequest request, CancellationToken cancellationToken);

    Task<GatewayResult> AuthorizeAsync(CardPaymentRequest request, CancellationToken cancellationToken);

    Task<GatewayResult> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken);

    Task<GatewayResult> VoidAsync(VoidRequest request, CancellationToken cancellationToken);

    Task<GatewayResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken);

    /// <summary>Approved results carry the token in <see cref="GatewayResult.Reference"/>.</summary>
    Task<GatewayResult> TokenizeAsync(TokenizeRequest request, CancellationToken cancellationToken);

    Task<GatewayResult> ChargeTokenAsync(TokenChargeRequest request, CancellationToken cancellationToken);

    Task<GatewayResult> CreateScheduleAsync(ScheduleRequest request, CancellationToken cancellationToken);

    Task<GatewayResult> CancelScheduleAsync(CancelScheduleRequest request, CancellationToken cancellationToken);

    /// <summary>A bank debit (or mandate) by keyed bank details; connectors without bank debits answer not supported.</summary>
    Task<GatewayResult> DebitBankAsync(BankDebitRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(GatewayResult.NotSupported("bank debits"));

    /// <summary>The stored outcome of an earlier payment request, or null when the gateway never saw it (nothing charged).</summary>
    Task<GatewayResult?> LookupAsync(LookupRequest request, CancellationToken cancellationToken);
}
