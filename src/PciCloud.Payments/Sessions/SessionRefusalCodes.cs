namespace PciCloud.Payments.Sessions;

/// <summary>Stable reasons a session refuses a transition (nothing changes when it does).</summary>
public static class SessionRefusalCodes
{
    /// <summary>Not allowed in the session's status (e.g. capture after submit). HTTP 409.</summary>
    public const string InvalidState = "invalid_state";

    /// <summary>The session expired for inactivity (this call observed it). HTTP 409.</summary>
    public const string SessionExpired = "session_expired";

    /// <summary>The field is not one of the session's fields. HTTP 422.</summary>
    public const string FieldNotConfigured = "field_not_configured";

    /// <summary>The field cannot be keyed in this region (UK postcodes have letters: the agent types them). HTTP 422.</summary>
    public const string FieldNotKeyable = "field_not_keyable";

    /// <summary>The field is already complete: reset it first. HTTP 409.</summary>
    public const string FieldAlreadyComplete = "field_already_complete";

    /// <summary>A key arrived while no field is being captured (the key is dropped).</summary>
    public const string NotCapturing = "not_capturing";

    /// <summary>Not a keypad key the session understands (0-9, '#', '*').</summary>
    public const string InvalidKey = "invalid_key";

    /// <summary>'#' on a field with no digits yet.</summary>
    public const string FieldEmpty = "field_empty";

    /// <summary>Submit before every required field is complete and valid. HTTP 409.</summary>
    public const string NotReady = "not_ready";

    /// <summary>A description or reference looked like it contains a card number. HTTP 400.</summary>
    public const string CardDataInText = "card_data_in_text";

    /// <summary>A text field is too long, or another malformed value. HTTP 400.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>The gateway could not be asked (reconciliation): the session stays submitting; try again. HTTP 503.</summary>
    public const string GatewayUnavailable = "gateway_unavailable";

    /// <summary>A bank session submitted before the agent confirmed the region's mandate wording. HTTP 409.</summary>
    public const string ConfirmationRequired = "confirmation_required";

    /// <summary>Not this region's confirmation, or not a bank session. HTTP 400.</summary>
    public const string InvalidConfirmation = "invalid_confirmation";

    /// <summary>Zero or negative amount for an intent that charges. HTTP 400.</summary>
    public const string InvalidAmount = "invalid_amount";
}
