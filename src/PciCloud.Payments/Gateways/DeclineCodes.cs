namespace PciCloud.Payments.Gateways;

/// <summary>
/// Normalized decline codes (Stripe's names, which most gateways can be mapped onto) and the
/// message an agent reads to know what to do next.
/// </summary>
public static class DeclineCodes
{
    public const string CardDeclined = "card_declined";
    public const string InsufficientFunds = "insufficient_funds";
    public const string ExpiredCard = "expired_card";
    public const string IncorrectCvc = "incorrect_cvc";
    public const string IncorrectNumber = "incorrect_number";
    public const string IncorrectPostalCode = "incorrect_zip";
    public const string LostCard = "lost_card";
    public const string StolenCard = "stolen_card";
    public const string ProcessingError = "processing_error";
    public const string AuthenticationRequired = "authentication_required";
    public const string VelocityExceeded = "card_velocity_exceeded";
    public const string CurrencyNotSupported = "currency_not_supported";
    public const string CardNotSupported = "card_not_supported";

    public static string AgentMessage(string declineCode) => declineCode switch
    {
        InsufficientFunds => "Insufficient funds: ask for another card",
        ExpiredCard => "Card expired: check the expiry date or ask for another card",
        IncorrectCvc => "Security code incorrect: ask the customer to key it again in a new session",
        IncorrectNumber => "Card number incorrect: ask the customer to key it again in a new session",
        IncorrectPostalCode => "Postal code did not match: check it with the customer",
        ProcessingError => "The card issuer had a processing error: try again in a moment",
        AuthenticationRequired => "The bank requires the cardholder to authenticate, which a phone payment cannot do: ask for another card",
        VelocityExceeded => "Too many attempts on this card: ask for another card",
        CurrencyNotSupported => "This card cannot pay in this currency: ask for another card",
        CardNotSupported => "This card does not support this kind of payment: ask for another card",

        // Lost, stolen and fraud declines are told to the agent as a plain decline (as Stripe advises).
        _ => "Card declined: ask for another card",
    };
}
