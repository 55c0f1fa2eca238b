namespace PciCloud.Contracts.Tokens;

/// <summary>
/// One off-session charge of a stored card. The caller picks <see cref="PaymentId"/> and
/// <see cref="GatewayKey"/> (derived from its Idempotency-Key, or from schedule + period), so a
/// repeated charge finds the same payment and the gateway sees the same key.
/// </summary>
[GenerateSerializer, Immutable, Alias("pcicloud.token-charge.v1")]
public sealed record TokenCharge(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] string GatewayKey,
    [property: Id(2)] long Amount,
    [property: Id(3)] string Currency)
{
    [Id(4)] public string? Description { get; init; }

    [Id(5)] public string? Reference { get; init; }

    [Id(6)] public string? ScheduleId { get; init; }

    [Id(7)] public int? Period { get; init; }
}
