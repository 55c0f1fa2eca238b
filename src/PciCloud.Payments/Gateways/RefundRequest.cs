namespace PciCloud.Payments.Gateways;

/// <summary>Refund a captured payment in full (null amount: what is left) or in part; several partial refunds may follow.</summary>
public sealed record RefundRequest(string IdempotencyKey, string PaymentReference, long? AmountMinorUnits = null, string? Reason = null);
