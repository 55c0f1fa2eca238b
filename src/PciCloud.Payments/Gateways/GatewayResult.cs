namespace PciCloud.Payments.Gateways;

/// <summary>
/// The normalized answer of every gateway operation: approved (with the gateway's reference and,
/// when the gateway gives one, the authorization code), declined (normalized code + agent message),
/// or error (no card decision; retryable or not). Never holds card data.
/// </summary>
public sealed record GatewayResult
{
    public required GatewayOutcome Outcome { get; init; }

    /// <summary>The gateway's id of what was created or acted on (payment, refund, token, schedule).</summary>
    public string? Reference { get; init; }

    public string? AuthorizationCode { get; init; }

    /// <summary>A <see cref="DeclineCodes"/> value when declined.</summary>
    public string? DeclineCode { get; init; }

    /// <summary>A <see cref="GatewayErrorCodes"/> value when error.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>What the agent reads: the reason and what to do next.</summary>
    public string? Message { get; init; }

    /// <summary>For errors: true when the same request (same idempotency key) may be sent again.</summary>
    public bool Retryable { get; init; }

    /// <summary>The amount concerned in minor units (charged, authorized, captured or refunded), when known.</summary>
    public long? AmountMinorUnits { get; init; }

    public bool IsApproved => Outcome == GatewayOutcome.Approved;

    public static GatewayResult Approved(string reference, string? authorizationCode = null, long? amountMinorUnits = null) =>
        new() { Outcome = GatewayOutcome.Approved, Reference = reference, AuthorizationCode = authorizationCode, AmountMinorUnits = amountMinorUnits };

    public static GatewayResult Declined(string declineCode, string? reference = null) =>
        new() { Outcome = GatewayOutcome.Declined, DeclineCode = declineCode, Message = DeclineCodes.AgentMessage(declineCode), Reference = reference };

    public static GatewayResult Error(string errorCode, string message, bool retryable) =>
        new() { Outcome = GatewayOutcome.Error, ErrorCode = errorCode, Message = message, Retryable = retryable };

    public static GatewayResult NotSupported(string operation) =>
        Error(GatewayErrorCodes.NotSupported, $"This gateway does not support {operation}.", retryable: false);
}
