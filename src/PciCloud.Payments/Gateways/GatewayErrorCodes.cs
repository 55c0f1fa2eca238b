namespace PciCloud.Payments.Gateways;

/// <summary>Stable codes for gateway errors (not declines): the request did not get a card decision.</summary>
public static class GatewayErrorCodes
{
    public const string NotSupported = "not_supported";
    public const string InvalidRequest = "invalid_request";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string NotFound = "not_found";
    public const string InvalidState = "invalid_state";
    public const string AmountTooLarge = "amount_too_large";
    public const string Unavailable = "gateway_unavailable";
    public const string Timeout = "gateway_timeout";
    public const string RateLimited = "rate_limited";
    public const string AuthenticationFailed = "gateway_authentication_failed";
    public const string Processing = "payment_processing";
    public const string Unknown = "gateway_error";
}
