namespace PciCloud.Payments.Cards;

/// <summary>Stable snake_case codes for every card-field rejection (they appear in API responses).</summary>
public static class CardErrorCodes
{
    public const string InvalidCardNumber = "invalid_card_number";
    public const string CardTypeNotAccepted = "card_type_not_accepted";
    public const string InvalidExpiry = "invalid_expiry";
    public const string ExpiredCard = "expired_card";
    public const string InvalidSecurityCode = "invalid_security_code";
    public const string InvalidPostalCode = "invalid_postal_code";

    /// <summary>No key for longer than the session's input timeout while the field was capturing (an attempt is used).</summary>
    public const string InputTimeout = "input_timeout";

    /// <summary>Double entry: the second entry differed from the first (an attempt is used).</summary>
    public const string InputsDoNotMatch = "inputs_do_not_match";
}
