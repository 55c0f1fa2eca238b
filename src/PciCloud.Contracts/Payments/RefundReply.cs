namespace PciCloud.Contracts.Payments;

/// <summary>A refund command's answer: the refund, or a refusal with a stable code (nothing refunded).</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.refund-reply.v1")]
public sealed record RefundReply(
    [property: Id(0)] RefundView? Refund,
    [property: Id(1)] string? ErrorCode,
    [property: Id(2)] string? ErrorDetail)
{
    public bool Ok => ErrorCode is null;

    public static RefundReply Success(RefundView refund) => new(refund, null, null);

    public static RefundReply Refused(string code, string detail) => new(null, code, detail);
}
