namespace PciCloud.Contracts.Payments;

/// <summary>
/// A payment as the API shows it. Status: pending (outcome not known yet), authorized, succeeded,
/// partially_refunded, refunded, failed.
/// </summary>
[GenerateSerializer, Immutable, Alias("pcicloud.payment-view.v1")]
public sealed record PaymentView(
    [property: Id(0)] string Id,
    [property: Id(1)] string TenantId,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Status,
    [property: Id(4)] long Amount,
    [property: Id(5)] string Currency,
    [property: Id(6)] long AmountCaptured,
    [property: Id(7)] long AmountRefunded,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] IReadOnlyList<RefundView> Refunds)
{
    [Id(10)] public string? SessionId { get; init; }

    [Id(11)] public string? TokenId { get; init; }

    [Id(12)] public string? ScheduleId { get; init; }

    [Id(13)] public int? Period { get; init; }

    [Id(14)] public string? AuthorizationCode { get; init; }

    [Id(15)] public string? DeclineCode { get; init; }

    [Id(16)] public string? Message { get; init; }

    [Id(17)] public string? Description { get; init; }

    [Id(18)] public string? Reference { get; init; }

    /// <summary>What may still be refunded (captured, less refunds that succeeded or are pending).</summary>
    public long Refundable => AmountCaptured - Refunds.Where(r => r.Status != RefundView.Failed).Sum(r => r.Amount);
}
