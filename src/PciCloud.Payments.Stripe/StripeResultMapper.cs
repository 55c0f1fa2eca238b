using System.Net;
using global::Stripe;
using PciCloud.Payments.Gateways;

namespace PciCloud.Payments.Stripe;

/// <summary>Stripe objects and errors onto <see cref="GatewayResult"/>. Stripe error messages are not passed on (they may echo input).</summary>
internal static class StripeResultMapper
{
    public static GatewayResult FromPaymentIntent(PaymentIntent intent) => intent.Status switch
    {
        "succeeded" => GatewayResult.Approved(intent.Id, intent.LatestCharge?.AuthorizationCode, intent.AmountReceived > 0 ? intent.AmountReceived : intent.Amount),
        "requires_capture" => GatewayResult.Approved(intent.Id, intent.LatestCharge?.AuthorizationCode, intent.Amount),
        "requires_action" or "requires_confirmation" => GatewayResult.Declined(DeclineCodes.AuthenticationRequired, intent.Id),
        "requires_payment_method" => GatewayResult.Declined(StripeDeclineCodes.Normalize(intent.LastPaymentError?.DeclineCode, intent.LastPaymentError?.Code), intent.Id),
        "processing" => GatewayResult.Error(GatewayErrorCodes.Processing, "The payment is still processing at Stripe: look it up again shortly.", retryable: true),
        "canceled" => GatewayResult.Error(GatewayErrorCodes.InvalidState, "The payment was cancelled at Stripe.", retryable: false),
        _ => GatewayResult.Error(GatewayErrorCodes.Unknown, "Stripe answered with an unexpected payment status.", retryable: false),
    };

    public static GatewayResult FromException(StripeException e)
    {
        var error = e.StripeError;
        if (error?.Type == "card_error")
        {
            return GatewayResult.Declined(StripeDeclineCodes.Normalize(error.DeclineCode, error.Code), error.PaymentIntent?.Id);
        }

        if (error?.Type == "idempotency_error")
        {
            return GatewayResult.Error(GatewayErrorCodes.IdempotencyKeyReused, "Stripe saw this idempotency key with a different request.", retryable: false);
        }

        return e.HttpStatusCode switch
        {
            HttpStatusCode.TooManyRequests => GatewayResult.Error(GatewayErrorCodes.RateLimited, "Stripe is rate limiting: retry shortly.", retryable: true),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => GatewayResult.Error(GatewayErrorCodes.AuthenticationFailed, "Stripe refused the tenant's API key.", retryable: false),
            HttpStatusCode.NotFound => GatewayResult.Error(GatewayErrorCodes.NotFound, "Stripe has no such object.", retryable: false),
            HttpStatusCode.Conflict => GatewayResult.Error(GatewayErrorCodes.Unavailable, "Stripe is still processing a request with this idempotency key.", retryable: true),
            >= HttpStatusCode.InternalServerError => GatewayResult.Error(GatewayErrorCodes.Unavailable, "Stripe is unavailable: retry with the same key.", retryable: true),
            _ when error?.Code == "amount_too_large" => GatewayResult.Error(GatewayErrorCodes.AmountTooLarge, "The amount is larger than Stripe allows here.", retryable: false),
            _ when error?.Code is "payment_intent_unexpected_state" or "charge_already_refunded" or "charge_already_captured"
                => GatewayResult.Error(GatewayErrorCodes.InvalidState, "The payment is not in a state that allows this.", retryable: false),
            (HttpStatusCode)0 => GatewayResult.Error(GatewayErrorCodes.Unavailable, "Could not reach Stripe.", retryable: true),
            _ => GatewayResult.Error(GatewayErrorCodes.InvalidRequest, $"Stripe refused the request ({error?.Code ?? "invalid_request"}).", retryable: false),
        };
    }

    /// <summary>Whether a failed attempt may be sent again with the same idempotency key.</summary>
    public static bool IsTransient(StripeException e) =>
        e.HttpStatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict or (HttpStatusCode)0 || (int)e.HttpStatusCode >= 500;
}
