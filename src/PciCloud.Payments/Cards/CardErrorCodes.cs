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

    /// <summary>Bank fields (the same list: one vocabulary of field errors).</summary>
    public const string InvalidSortCode = "invalid_sort_code";

    /// <summary>Wrong length, or (UK) the sort code and account number fail the Vocalink modulus check.</summary>
    public const string InvalidAccountNumber = "invalid_account_number";

    /// <summary>Not 9 digits, or the ABA check digit is wrong.</summary>
    public const string InvalidRoutingNumber = "invalid_routing_number";

    public const string InvalidBsb = "invalid_bsb";

    /// <summary>account_type is checking or savings.</summary>
    public const string InvalidAccountType = "invalid_account_type";

    /// <summary>No key for longer than the session's input timeout while the field was capturing (an attempt is used).</summary>
    public const string InputTimeout = "input_timeout";

    /// <summary>Double entry: the second entry differed from the first (an attempt is used).</summary>
    public const string InputsDoNotMatch = "inputs_do_not_match";
}
