namespace PciCloud.Payments.Gateways;

/// <summary>Release an authorization that was not captured.</summary>
public sealed record VoidRequest(string IdempotencyKey, string PaymentReference);
