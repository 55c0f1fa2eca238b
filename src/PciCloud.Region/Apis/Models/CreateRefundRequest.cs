namespace PciCloud.Region.Apis.Models;

/// <summary>POST /v1/payments/{id}/refunds: amount in minor units (default: what is left), Stripe's reasons.</summary>
public sealed record CreateRefundRequest(long? Amount, string? Reason);
