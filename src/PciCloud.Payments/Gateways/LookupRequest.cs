namespace PciCloud.Payments.Gateways;

/// <summary>
/// Find a payment by the idempotency key it was submitted with, or by the gateway's reference:
/// how a submit whose outcome was lost (silo died) is reconciled.
/// </summary>
public sealed record LookupRequest(string? IdempotencyKey, string? PaymentReference = null)
{
    public static LookupRequest ByIdempotencyKey(string key) => new(key);

    public static LookupRequest ByReference(string reference) => new(null, reference);
}
