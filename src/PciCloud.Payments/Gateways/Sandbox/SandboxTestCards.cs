namespace PciCloud.Payments.Gateways.Sandbox;

/// <summary>
/// Stripe's published test cards (docs.stripe.com/testing) and what they do. Any other valid
/// number is approved, like Stripe's success cards (4242424242424242, 5555555555554444,
/// 378282246310005, 6011111111111117, 3056930009020004, 36227206271667, 3566002020360505,
/// 6200000000000005, ...).
/// </summary>
public static class SandboxTestCards
{
    public const string Success = "4242424242424242";
    public const string GenericDecline = "4000000000000002";
    public const string InsufficientFunds = "4000000000009995";
    public const string LostCard = "4000000000009987";
    public const string StolenCard = "4000000000009979";
    public const string ExpiredCard = "4000000000000069";
    public const string IncorrectCvc = "4000000000000127";
    public const string ProcessingError = "4000000000000119";
    public const string IncorrectNumber = "4242424242424241";
    public const string VelocityExceeded = "4000000000006975";
    public const string Fraudulent = "4100000000000019";

    /// <summary>Can be stored (tokenized), but every charge of it is declined.</summary>
    public const string AttachesThenDeclines = "4000000000000341";

    /// <summary>Requires 3-D Secure on every transaction, which a phone payment cannot do.</summary>
    public const string AlwaysAuthenticate = "4000002760003184";

    /// <summary>The decline code a charge of this number gets, or null when it is approved.</summary>
    public static string? ChargeDecline(string number) => number switch
    {
        GenericDecline or Fraudulent or AttachesThenDeclines => DeclineCodes.CardDeclined,
        InsufficientFunds => DeclineCodes.InsufficientFunds,
        LostCard => DeclineCodes.LostCard,
        StolenCard => DeclineCodes.StolenCard,
        ExpiredCard => DeclineCodes.ExpiredCard,
        IncorrectCvc => DeclineCodes.IncorrectCvc,
        ProcessingError => DeclineCodes.ProcessingError,
        IncorrectNumber => DeclineCodes.IncorrectNumber,
        VelocityExceeded => DeclineCodes.VelocityExceeded,
        AlwaysAuthenticate => DeclineCodes.AuthenticationRequired,
        _ => Cards.Luhn.IsValid(number) ? null : DeclineCodes.IncorrectNumber,
    };

    /// <summary>The decline code storing this number gets (Stripe declines attaching most decline cards), or null.</summary>
    public static string? TokenizeDecline(string number) => number switch
    {
        AttachesThenDeclines or AlwaysAuthenticate => null,
        _ => ChargeDecline(number),
    };
}
