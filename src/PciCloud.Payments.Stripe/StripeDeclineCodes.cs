using PciCloud.Payments.Gateways;

namespace PciCloud.Payments.Stripe;

/// <summary>Stripe's error codes and decline codes (docs.stripe.com/declines/codes) onto the normalized ones.</summary>
internal static class StripeDeclineCodes
{
    public static string Normalize(string? declineCode, string? errorCode) => (declineCode ?? errorCode) switch
    {
        "insufficient_funds" or "withdrawal_count_limit_exceeded" => DeclineCodes.InsufficientFunds,
        "expired_card" or "invalid_expiry_month" or "invalid_expiry_year" => DeclineCodes.ExpiredCard,
        "incorrect_cvc" or "invalid_cvc" => DeclineCodes.IncorrectCvc,
        "incorrect_number" or "invalid_number" or "invalid_account" => DeclineCodes.IncorrectNumber,
        "incorrect_zip" => DeclineCodes.IncorrectPostalCode,
        "lost_card" => DeclineCodes.LostCard,
        "stolen_card" => DeclineCodes.StolenCard,
        "processing_error" or "issuer_not_available" or "try_again_later" or "reenter_transaction" => DeclineCodes.ProcessingError,
        "authentication_required" or "authentication_not_handled" => DeclineCodes.AuthenticationRequired,
        "card_velocity_exceeded" => DeclineCodes.VelocityExceeded,
        "currency_not_supported" => DeclineCodes.CurrencyNotSupported,
        "card_not_supported" or "transaction_not_allowed" => DeclineCodes.CardNotSupported,

        // generic_decline, do_not_honor, fraudulent, pickup_card, restricted_card, ... : a plain decline
        _ => DeclineCodes.CardDeclined,
    };
}
