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
}
