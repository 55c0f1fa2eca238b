namespace PciCloud.Contracts.Payments;

/// <summary>A payment command's answer: the payment, or a refusal with a stable code (nothing changed).</summary>
[GenerateSerializer, Immutable, Alias("pcicloud.payment-reply.v1")]
public sealed record PaymentReply(
    [property: Id(0)] PaymentView? View,
    [property: Id(1)] string? ErrorCode,
    [property: Id(2)] string? ErrorDetail)
{
    public bool Ok => ErrorCode is null;

    public static PaymentReply Success(PaymentView view) => new(view, null, null);

    public static PaymentReply Refused(string code, string detail) => new(null, code, detail);
}
