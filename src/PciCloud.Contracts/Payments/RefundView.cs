namespace PciCloud.Contracts.Payments;

/// <summary>A refund of a payment. Status: pending (sent, outcome not known yet), succeeded, failed.</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.refund-view.v1")]
public sealed record RefundView(
    [property: Id(0)] string Id,
    [property: Id(1)] string PaymentId,
    [property: Id(2)] long Amount,
    [property: Id(3)] string Currency,
    [property: Id(4)] string Status,
    [property: Id(5)] string? Reason,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] string? Message = null)
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
