namespace PciCloud.Payments.Sessions;

/// <summary>Why a session ended as failed (besides the gateway's decline code in the outcome).</summary>
public static class SessionFailureCodes
{
    public const string TooManyAttempts = "too_many_attempts";
    public const string Declined = "declined";
    public const string GatewayError = "gateway_error";

    /// <summary>The submit's outcome was lost and the gateway has no record of it: nothing was charged.</summary>
    public const string OutcomeUnknown = "outcome_unknown";
}
