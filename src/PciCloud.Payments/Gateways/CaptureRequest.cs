namespace PciCloud.Payments.Gateways;

/// <summary>Capture an authorization, in full (null amount) or in part.</summary>
public sealed record CaptureRequest(string IdempotencyKey, string PaymentReference, long? AmountMinorUnits = null);
