namespace PciCloud.Contracts.Payments;

/// <summary>
/// The facts of a payment when it is created: owner, gateway, kind ("charge", "authorization",
/// "token_charge"), amount, and where it came from (session, token, schedule period).
/// <see cref="GatewayKey"/> is the idempotency key its gateway request is (or was) sent with.
/// </summary>
[GenerateSerializer, Immutable, Alias("pcicloud.payment-registration.v1")]
public sealed record PaymentRegistration(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string GatewayKind,
    [property: Id(2)] string Kind,
    [property: Id(3)] long Amount,
    [property: Id(4)] string Currency,
    [property: Id(5)] string GatewayKey)
{
    [Id(6)] public string? SessionId { get; init; }

    [Id(7)] public string? TokenId { get; init; }

    [Id(8)] public string? ScheduleId { get; init; }

    [Id(9)] public int? Period { get; init; }

    [Id(10)] public string? Description { get; init; }

    [Id(11)] public string? Reference { get; init; }

    /// <summary>Set when the payment was already made (a session's submit).</summary>
    [Id(12)] public string? GatewayReference { get; init; }

    [Id(13)] public string? AuthorizationCode { get; init; }
}
