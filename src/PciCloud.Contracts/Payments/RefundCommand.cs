namespace PciCloud.Contracts.Payments;

/// <summary>
/// Refund <see cref="Amount"/> minor units (null: what is left). <see cref="RefundId"/> is chosen by
/// the caller (derived from its Idempotency-Key when it sent one), so a retry finds the same refund.
/// </summary>
[GenerateSerializer, Immutable, Alias("pcicloud.refund-command.v1")]
public sealed record RefundCommand(
    [property: Id(0)] string RefundId,
    [property: Id(1)] long? Amount,
    [property: Id(2)] string? Reason);
