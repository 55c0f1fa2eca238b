namespace PciCloud.Contracts.Sessions;

/// <summary>
/// The session as anyone outside the grain may see it (the API adds agentUrl). Only the masked view:
/// never a digit beyond last4. <see cref="Version"/> grows with every change (for the event stream).
/// </summary>
[GenerateSerializer, Immutable, Alias("pcicloud.payment-session-view.v1")]
public sealed record PaymentSessionView(
    [property: Id(0)] string Id,
    [property: Id(1)] string TenantId,
    [property: Id(2)] string CallId,
    [property: Id(3)] string Intent,
    [property: Id(4)] string Status,
    [property: Id(5)] long? Amount,
    [property: Id(6)] string? Currency,
    [property: Id(7)] string? Description,
    [property: Id(8)] string? Reference,
    [property: Id(9)] string? AgentId,
    [property: Id(10)] bool AgentCanRefund,
    [property: Id(11)] IReadOnlyDictionary<string, FieldView> Fields,
    [property: Id(12)] SessionResult? Result,
    [property: Id(13)] DateTimeOffset CreatedAt,
    [property: Id(14)] DateTimeOffset ExpiresAt,
    [property: Id(15)] long Version,
    [property: Id(16)] string? CapturingField,
    [property: Id(17)] bool CaptureInterrupted,
    [property: Id(18)] int DigitsLost,
    [property: Id(19)] DateTimeOffset? FinishedAt = null)
{
    /// <summary>The session's controls (what the Agent Assist page needs to guide the agent).</summary>
    [Id(20)] public SessionControls? Controls { get; init; }

    /// <summary>The brands this session accepts.</summary>
    [Id(21)] public IReadOnlyList<string>? AcceptedBrands { get; init; }

    /// <summary>Bank sessions: the confirmation the agent must give before submit, and when it was given.</summary>
    [Id(22)] public string? ConfirmationRequired { get; init; }

    [Id(23)] public DateTimeOffset? ConfirmedAt { get; init; }
}
