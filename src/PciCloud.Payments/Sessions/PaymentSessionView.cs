using PciCloud.Payments.Money;

namespace PciCloud.Payments.Sessions;

/// <summary>
/// The masked state of a session: safe to serialize, persist as grain state and return from the API.
/// <see cref="PaymentSession.Restore"/> rebuilds a session from it (card data does not come back).
/// </summary>
public sealed record PaymentSessionView
{
    public required string Id { get; init; }
    public required PaymentIntent Intent { get; init; }
    public required SessionStatus Status { get; init; }
    public MoneyAmount? Amount { get; init; }
    public string? Description { get; init; }
    public string? Reference { get; init; }

    /// <summary>One entry per configured field, in the configured order.</summary>
    public required IReadOnlyList<MaskedField> Fields { get; init; }

    public CardField? CapturingField { get; init; }

    /// <summary>A <see cref="SessionFailureCodes"/> value when failed.</summary>
    public string? FailureReason { get; init; }

    public SessionOutcome? Outcome { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset LastActivityAt { get; init; }

    /// <summary>When the session expires if nothing happens (meaningful while it is open).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Bank sessions: when the agent confirmed the region's mandate wording (API.md "confirm").</summary>
    public DateTimeOffset? ConfirmedAt { get; init; }

    public MaskedField? Field(CardField field) => Fields.FirstOrDefault(f => f.Field == field);
}
